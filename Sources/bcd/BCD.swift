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
        let normalized = BcdeditArguments.normalize(EditCommand.bareStorePath(arguments))
        if let verb = normalized.first, let command = directVerbs.first(where: { $0._commandName == verb }),
           var parsed = try? command.parseAsRoot(Array(normalized.dropFirst())), type(of: parsed) == command {
            do { try parsed.run() } catch { exit(withError: error) }
            return
        }
        main(normalized)
    }

    /// Verbs parsed with their own command as the root, the rest of the line theirs: ArgumentParser
    /// then neither matches the 40 subcommands nor tries the line as a completion-script request
    /// (two more parses), 8 M of `bcd enum all`'s 87 M instructions. A line that does not parse
    /// so as that verb (an error; --help, which parses as a help command) goes the whole way through `bcd`, whose messages it keeps.
    /// Each sets `_superCommandName: "bcd"`, so that the root parse skips the completion request.
    static let directVerbs: [any ParsableCommand.Type] = [EnumCommand.self]
}
