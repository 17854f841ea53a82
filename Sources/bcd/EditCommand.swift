import ArgumentParser
import BCDEditor
import Foundation

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Open the interactive editor on a store (bcd STORE does the same).",
        discussion: "Keys: ? in the editor lists them all. Themes: --theme default-dark|light|high-contrast|monochrome, or your own in ~/.config/bcd/themes. NO_COLOR turns colour off.")

    @Flag(name: .customLong("new"), help: "Create a new, empty store first.") var createNew = false
    @Option(name: .customLong("theme"), help: "Colour theme name.") var theme: String?
    @Argument(help: "The BCD store file.") var store: String

    func run() throws {
        let started = ContinuousClock.now
        do {
            try EditorApp.run(EditorApp.Options(path: store, createNew: createNew, themeName: theme), started: started)
        } catch {
            throw CLIFailure(error.description)
        }
    }

    /// `bcd STORE`: a lone argument that is no subcommand or option but an existing file
    /// opens the editor. Everything else goes to ArgumentParser unchanged.
    static func bareStorePath(_ arguments: [String]) -> [String] {
        guard arguments.count == 1, let only = arguments.first, !only.hasPrefix("-"),
              !BCD.configuration.subcommands.contains(where: { $0._commandName == only }),
              !BcdeditArguments.verbs.contains(String(only.lowercased().drop { $0 == "/" })),
              FileManager.default.fileExists(atPath: only) else { return arguments }
        return ["edit", only]
    }
}
