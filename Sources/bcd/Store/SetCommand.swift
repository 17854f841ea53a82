import ArgumentParser
import BCDKit

struct SetCommand: StoreEditCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set an element of an object (bcdedit /set).",
        discussion: """
        ELEMENT is a bcdedit name, custom:XXXXXXXX or 0xXXXXXXXX. Devices: boot, partition=gpt:PTUUID:PARTUUID,
        partition=mbr:PTUUID:OFFSET, ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}, file=[...]\\path, vhd=[...]\\x.vhd, locate.
        """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The object.") var id: String
    @Argument(help: "The element.") var element: String
    @Argument(parsing: .allUnrecognized, help: "The value (several words for lists).") var value: [String] = []

    func apply(to store: inout BCDStore) throws -> String {
        guard !value.isEmpty else { throw CLIFailure("set needs a value: bcd set ID ELEMENT VALUE") }
        try store.setElement(object: id, element: element, words: value)
        return operationCompleted
    }
}

struct DeleteValueCommand: StoreEditCommand {
    static let configuration = CommandConfiguration(commandName: "deletevalue", abstract: "Delete an element of an object (bcdedit /deletevalue).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The object.") var id: String
    @Argument(help: "The element.") var element: String

    func apply(to store: inout BCDStore) throws -> String {
        try store.deleteElement(object: id, element: element)
        return operationCompleted
    }
}
