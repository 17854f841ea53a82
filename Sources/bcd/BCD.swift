import ArgumentParser
import BootCore

@main
struct BCD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bcd",
        abstract: "Read, edit, check and test-boot Windows BCD stores from Linux.",
        version: BcdVersion.text,
        subcommands: storeVerbs + [
            BatchCommand.self, CompactCommand.self, EditCommand.self, CheckCommand.self,
            // Boot payload inspection (BootCore).
            WimCommand.self, VdiskCommand.self, SdiCommand.self, CpioCommand.self, BootmgrCommand.self,
            // Test boots (QEMU/OVMF through the loader).
            BootCommand.self, IpxeScriptCommand.self, ServeCommand.self, LoaderCommand.self,
        ]
    )

    /// The store verbs, under bcdedit's names: `/verb` is accepted for these (BcdeditArguments),
    /// and those that edit the store are what `bcd batch` runs.
    static let storeVerbs: [any ParsableCommand.Type] = [
        CreateStoreCommand.self, EnumCommand.self, CreateCommand.self, CopyCommand.self, DeleteCommand.self,
        SetCommand.self, DeleteValueCommand.self, DisplayOrderCommand.self, ToolsDisplayOrderCommand.self,
        BootSequenceCommand.self, DefaultCommand.self, TimeoutCommand.self, ExportCommand.self, ImportCommand.self,
        DebugCommand.self, BootDebugCommand.self, EmsCommand.self, BootEmsCommand.self, EventCommand.self,
        DbgSettingsCommand.self, HypervisorSettingsCommand.self, EmsSettingsCommand.self,
    ]

    /// The store verbs that edit (StoreEditCommand), in storeVerbs' order. Listed, not found
    /// by `is any StoreEditCommand.Type`: each failed cast scans every protocol conformance in
    /// the binary, and `batch`'s help text (built whenever any command line is parsed) made 22
    /// of them, about a tenth of `bcd enum all`'s instructions. Debug builds check the list.
    static let editVerbs: [any StoreEditCommand.Type] = [
        CreateCommand.self, CopyCommand.self, DeleteCommand.self, SetCommand.self, DeleteValueCommand.self,
        DisplayOrderCommand.self, ToolsDisplayOrderCommand.self, BootSequenceCommand.self, DefaultCommand.self,
        TimeoutCommand.self, DebugCommand.self, BootDebugCommand.self, EmsCommand.self, BootEmsCommand.self,
        EventCommand.self, DbgSettingsCommand.self, HypervisorSettingsCommand.self, EmsSettingsCommand.self,
    ]

    static var editVerbNames: [String] {
        assert(editVerbs.map { $0._commandName } == storeVerbs.filter { $0 is any StoreEditCommand.Type }.map { $0._commandName },
               "BCD.editVerbs must list storeVerbs' StoreEditCommands, in order")
        return editVerbs.map { $0._commandName }
    }

    /// Entry point: accepts bcdedit's /switch spelling as well as our own.
    static func main() {
        // `--secure-boot` alone is the 2011 profile (ArgumentParser options always take a value).
        let arguments = Array(CommandLine.arguments.dropFirst()).map { $0 == "--secure-boot" ? "--secure-boot=2011" : $0 }
        main(BcdeditArguments.normalize(EditCommand.bareStorePath(arguments)))
    }
}
