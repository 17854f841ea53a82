import ArgumentParser

@main
struct BCD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bcd",
        abstract: "Read, edit, check and test-boot Windows BCD stores from Linux.",
        subcommands: [
            // Store verbs (bcdedit's names).
            CreateStoreCommand.self, EnumCommand.self, CreateCommand.self, CopyCommand.self, DeleteCommand.self,
            SetCommand.self, DeleteValueCommand.self, DisplayOrderCommand.self, ToolsDisplayOrderCommand.self,
            BootSequenceCommand.self, DefaultCommand.self, TimeoutCommand.self, ExportCommand.self, ImportCommand.self,
            DebugCommand.self, BootDebugCommand.self, EmsCommand.self, BootEmsCommand.self, EventCommand.self,
            DbgSettingsCommand.self, HypervisorSettingsCommand.self, EmsSettingsCommand.self,
            BatchCommand.self, EditCommand.self, CheckCommand.self,
            // Boot payload inspection (BootCore).
            WimCommand.self, VdiskCommand.self, SdiCommand.self, CpioCommand.self,
            // Test boots (QEMU/OVMF through the loader).
            BootCommand.self, IpxeScriptCommand.self,
        ]
    )

    /// Entry point: accepts bcdedit's /switch spelling as well as our own.
    static func main() {
        main(BcdeditArguments.normalize(EditCommand.bareStorePath(Array(CommandLine.arguments.dropFirst()))))
    }
}
