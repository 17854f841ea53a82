import ArgumentParser

@main
struct BCD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bcd",
        abstract: "Read, edit, check and test-boot Windows BCD stores from Linux.",
        subcommands: [
            // Store verbs (bcdedit's names).
            // Boot payload inspection (BootCore).
            WimCommand.self,
        ]
    )
}
