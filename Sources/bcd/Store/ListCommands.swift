import ArgumentParser
import BCDKit

/// --addfirst / --addlast / --remove, as bcdedit's /displayorder, /toolsdisplayorder and /bootsequence take them.
struct ListEditFlags: ParsableArguments {
    @Flag(name: .customLong("addfirst"), help: "Put the objects first (moving them if present).") var addFirst = false
    @Flag(name: .customLong("addlast"), help: "Put the objects last (moving them if present).") var addLast = false
    @Flag(name: .customLong("remove"), help: "Remove the objects from the list.") var remove = false

    var mode: BCDStore.ListEdit {
        get throws {
            switch (addFirst, addLast, remove) {
            case (false, false, false): return .replace
            case (true, false, false): return .addFirst
            case (false, true, false): return .addLast
            case (false, false, true): return .remove
            default: throw CLIFailure("give at most one of --addfirst, --addlast and --remove")
            }
        }
    }
}

/// displayorder, toolsdisplayorder and bootsequence: the same edit on different {bootmgr} lists.
protocol BootManagerListCommand: StoreEditCommand {
    static var listElement: UInt32 { get }
    var flags: ListEditFlags { get }
    var ids: [String] { get }
}

extension BootManagerListCommand {
    func apply(to store: inout BCDStore) throws -> String {
        try store.editBootManagerList(Self.listElement, ids: ids, mode: try flags.mode)
        return operationCompleted
    }
}

struct DisplayOrderCommand: BootManagerListCommand {
    static let configuration = CommandConfiguration(commandName: "displayorder", abstract: "Set the boot menu order of {bootmgr} (bcdedit /displayorder).")
    @OptionGroup var options: StoreOptions
    @OptionGroup var flags: ListEditFlags
    @Argument(help: "Objects, in order.") var ids: [String]

    static let listElement = ElementIDs.displayOrder
}

struct ToolsDisplayOrderCommand: BootManagerListCommand {
    static let configuration = CommandConfiguration(commandName: "toolsdisplayorder", abstract: "Set the tools menu order of {bootmgr} (bcdedit /toolsdisplayorder).")
    @OptionGroup var options: StoreOptions
    @OptionGroup var flags: ListEditFlags
    @Argument(help: "Objects, in order.") var ids: [String]

    static let listElement = ElementIDs.toolsDisplayOrder
}

struct BootSequenceCommand: BootManagerListCommand {
    static let configuration = CommandConfiguration(commandName: "bootsequence", abstract: "Set a one-time boot sequence on {bootmgr} (bcdedit /bootsequence).")
    @OptionGroup var options: StoreOptions
    @OptionGroup var flags: ListEditFlags
    @Argument(help: "Objects, in order.") var ids: [String]

    static let listElement = ElementIDs.bootSequence
}

struct DefaultCommand: StoreEditCommand {
    static let configuration = CommandConfiguration(commandName: "default", abstract: "Set the default boot entry (bcdedit /default).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The object.") var id: String

    func apply(to store: inout BCDStore) throws -> String {
        try store.setDefault(id)
        return operationCompleted
    }
}

struct TimeoutCommand: StoreEditCommand {
    static let configuration = CommandConfiguration(commandName: "timeout", abstract: "Set the boot menu timeout in seconds (bcdedit /timeout).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Seconds.") var seconds: String

    func apply(to store: inout BCDStore) throws -> String {
        guard let value = UInt64(seconds) else { throw CLIFailure("timeout: '\(seconds)' is not a number of seconds") }
        try store.setTimeout(value)
        return operationCompleted
    }
}
