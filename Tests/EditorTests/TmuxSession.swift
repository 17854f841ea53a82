import Foundation
import TestSupport
import Testing

/// Drives the real `bcd` binary inside a private tmux server (its own socket, killed at the
/// end): send keys, read the screen with capture-pane, wait for text by polling (bounded).
/// tmux missing is a failure, never a skip.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let repositoryRoot = EditorFixtures.repositoryRoot

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BCD_BINARY"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bcd").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/bcd").path
    }

    let socket: String
    private let tmux: String

    /// Starts `bcd ARGUMENTS` in a detached session of the given size. The shell prints
    /// EXIT=<status> when bcd ends, so tests can see how it quit.
    init(_ arguments: [String], columns: Int = 120, rows: Int = 40, environment: [String: String] = [:],
         unset: [String] = []) throws {
        tmux = try TmuxSession.which("tmux")
        socket = "bcdtest-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ["TERM": "xterm-256color", "BCD_THEMES_DIR": TmuxSession.repositoryRoot.appendingPathComponent("Themes").path]
        for (key, value) in environment { env[key] = value }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        let command = ([TmuxSession.binary] + arguments).map(TmuxSession.quote).joined(separator: " ")
        let removals = (["NO_COLOR"] + unset).map { "-u \($0)" }.joined(separator: " ")
        let script = "env \(removals) \(assignments) \(command); echo EXIT=$?; sleep 600"
        try run(["-f", "/dev/null", "new-session", "-d", "-x", String(columns), "-y", String(rows), "-s", "main", "sh", "-c", script])
    }

    deinit { close() }

    func close() {
        _ = try? run(["kill-server"])
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Named keys as tmux spells them: Enter, Escape, C-u, Up, Tab...
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Literal text (UTF-8 included).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", text])
    }

    func screen(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Everything the pane has shown on its normal screen, scrolled-off lines included (a test
    /// boot's report is longer than a screen).
    func transcript() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-", "-t", "main"])
    }

    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(columns), "-y", String(rows)])
    }

    /// Polls the screen until `text` shows (at most `seconds`), and returns the settled screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("'\(text)'", seconds: seconds) { $0.contains(text) }
    }

    /// Polls until `condition` holds, then until the screen settles: ncurses writes a large
    /// redraw in several chunks, and a capture between two of them shows a half-drawn dialog
    /// whose title is already there. Returns the first capture that holds and equals the next.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        var held: String?
        var settleDeadline = deadline
        while Date() < min(deadline, settleDeadline) {
            last = try screen()
            if condition(last) {
                if last == held { return last }
                if held == nil { settleDeadline = Date().addingTimeInterval(2) }
                held = last
            } else {
                held = nil
                settleDeadline = deadline
            }
            usleep(held == nil ? 30_000 : 60_000)
        }
        // A screen that keeps changing (a running clock) still counts once the text is there.
        if let held { return held }
        throw Failure(description: "timed out after \(seconds) s waiting for \(what); the screen was:\n\(last)")
    }

    /// tmux through posix_spawn and waitpid: Foundation's Process waits for every inherited
    /// descriptor to close, and the tmux server (forked by the client) keeps them open.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bcdtmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let status = try Spawn.run(tmux, ["-L", socket] + arguments, stdoutPath: outputPath)
        let data = FileManager.default.contents(atPath: outputPath) ?? Data()
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed with status \(status)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func which(_ tool: String) throws -> String {
        do { return try Programs.which(tool) } catch {
            throw Failure(description: "\(tool) is not installed (Debian package \(tool); scripts/install-deps.sh installs it)")
        }
    }

    /// Runs the bcd CLI (for setting up and checking stores).
    @discardableResult
    static func bcd(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

enum Spawn {
    static func run(_ path: String, _ arguments: [String], stdoutPath: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Test threads block signals, and a child inherits the mask: tmux's server would then
        // never see SIGCHLD or SIGTERM. Start it with nothing blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw TmuxSession.Failure(description: "cannot start \(path): error \(result)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
