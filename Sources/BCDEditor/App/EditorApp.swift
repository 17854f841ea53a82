import BCDBoot
import BCDKit
import Foundation

/// Runs the editor: opens (or creates) the store, then reads keys and redraws until quit.
public enum EditorApp {
    public struct Options: Sendable {
        public var path: String
        public var createNew = false
        public var themeName: String?
        public init(path: String, createNew: Bool = false, themeName: String? = nil) {
            self.path = path
            self.createNew = createNew
            self.themeName = themeName
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs until the user quits. `started` is when the process began work (for the
    /// BCD_EDITOR_TIMINGS benchmark file: first screen and per-key redraw times in ms).
    public static func run(_ options: Options, started: ContinuousClock.Instant = .now) throws(Failure) {
        let environment = ProcessInfo.processInfo.environment
        let catalog = ThemeCatalog.load(environment: environment)
        if let name = options.themeName, catalog.theme(named: name) == nil {
            throw Failure(description: "no theme '\(name)': available are \(catalog.names.joined(separator: ", ")) (user themes go in ~/.config/bcd/themes)")
        }
        let file: StoreFile
        do {
            file = options.createNew ? try StoreFile.create(options.path) : try StoreFile.open(options.path)
        } catch {
            throw Failure(description: error.description)
        }
        var state = EditorState(file: file, themeNames: catalog.names, themeName: options.themeName ?? catalog.names.first)
        if let problem = catalog.problems.first { state.fail(problem) }
        if options.createNew { state.inform("new store \(options.path): n adds an object from a template") }

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var terminal: Terminal
        do { terminal = try Terminal(useColor: !noColor) } catch { throw Failure(description: error.description) }
        defer { terminal.stop() }
        var appliedTheme = ""
        let renderer = Renderer()
        let timings = environment["BCD_EDITOR_TIMINGS"].flatMap { FileHandle(forWritingAtPath: $0) ?? createFile($0) }
        var first = true
        var canvas = terminal
        while !state.quit {
            let frameStart = ContinuousClock.now
            if appliedTheme != state.themeName {
                terminal.apply(catalog.theme(named: state.themeName) ?? Theme.attributesOnly)
                appliedTheme = state.themeName
            }
            renderer.render(state, on: &canvas)
            terminal.present(cursor: nil)
            if let timings {
                let ms = first ? milliseconds(ContinuousClock.now - started) : milliseconds(ContinuousClock.now - frameStart)
                timings.write(Data("\(first ? "first-screen" : "redraw") \(ms)\n".utf8))
            }
            first = false
            // The check runs after the frame is on screen, then the summary is drawn.
            if state.currentDiagnostics == nil {
                _ = state.diagnostics
                renderer.render(state, on: &canvas)
                terminal.present(cursor: nil)
            }
            guard let key = terminal.readKey() else { continue }
            let handled = ContinuousClock.now
            state.screenSize = (canvas.rows, canvas.columns)
            state.handle(key)
            if let timings, key != .resize {
                timings.write(Data("key \(milliseconds(ContinuousClock.now - handled))\n".utf8))
            }
            if let request = state.bootRequest {
                // docs/boot.md: curses stops, the boot runs on the plain terminal, then the editor comes back.
                state.bootRequest = nil
                terminal.stop()
                let outcome = BootKeyRun.run(state, request: request)
                do { terminal = try Terminal(useColor: !noColor) } catch { throw Failure(description: error.description) }
                canvas = terminal
                appliedTheme = ""
                state.showBootOutcome(outcome, of: request)
            }
        }
    }

    private static func createFile(_ path: String) -> FileHandle? {
        FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
