import ArgumentParser
import BCDKit

struct CreateCommand: StoreEditCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an object (bcdedit /create).",
        discussion: "Examples: create --d \"WinPE\" --application osloader;  create {ramdiskoptions} --d \"Ramdisk options\";  create {bootmgr}")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Identifier for the new object: a well-known alias or {guid}. A new GUID when omitted.") var id: String?
    @Option(name: [.customLong("d"), .customLong("description")], help: "The description.") var description: String?
    @Option(name: .customLong("application"), help: "osloader, resume, bootsector, startup or bootapp.") var application: String?
    @Option(name: .customLong("inherit"), help: "Create an inherit object: bootmgr, osloader, resume, or 'library'.") var inherit: String?
    @Flag(name: .customLong("device"), help: "Create a device options object.") var device = false

    func apply(to store: inout BCDStore) throws -> String {
        let kinds = [application != nil, inherit != nil, device].filter { $0 }.count
        guard kinds <= 1 else { throw CLIFailure("give only one of --application, --inherit and --device") }
        var type: ObjectType?
        if let application { type = try ObjectTemplates.applicationType(application) }
        if let inherit { type = try ObjectTemplates.inheritType(inherit == "library" ? nil : inherit) }
        if device { type = .device }
        if application != nil && description == nil { throw CLIFailure("--application needs a description: --d \"...\"") }
        let created = try store.createObject(id: id, type: type, description: description)
        return "The entry \(ObjectNames.alias(for: created) ?? created.braced) was successfully created."
    }
}

struct CopyCommand: StoreEditCommand {
    static let configuration = CommandConfiguration(commandName: "copy", abstract: "Copy an object under a new identifier (bcdedit /copy).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The object to copy.") var id: String
    @Option(name: [.customLong("d"), .customLong("description")], help: "Description of the copy.") var description: String

    func apply(to store: inout BCDStore) throws -> String {
        let created = try store.copyObject(id, description: description)
        return "The entry was successfully copied to \(created.braced)."
    }
}

struct DeleteCommand: StoreEditCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete an object (bcdedit /delete).",
        discussion: "References to it (display orders, default, ...) are removed too unless --nocleanup.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The object to delete.") var id: String
    @Flag(name: .customLong("cleanup"), help: "Remove references to the object (the default).") var cleanup = false
    @Flag(name: .customLong("nocleanup"), help: "Leave references to the object in place.") var noCleanup = false
    @Flag(name: [.customLong("f")], help: "Allow deleting a well-known object.") var force = false

    func apply(to store: inout BCDStore) throws -> String {
        guard !(cleanup && noCleanup) else { throw CLIFailure("--cleanup and --nocleanup contradict each other") }
        try store.deleteObject(id, cleanup: !noCleanup, force: force)
        return operationCompleted
    }
}
