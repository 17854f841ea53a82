import Foundation

/// What a finished program left behind.
public struct ProgramRun: Sendable {
    public let status: Int32
    public let stdoutData: Data
    public let stderr: String
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
}

/// A tool the tests need is not installed: a failure naming the fix, never a skip.
public struct MissingProgram: Error, CustomStringConvertible {
    public let tool: String
    public var description: String { "required tool '\(tool)' is not installed (run scripts/install-deps.sh)" }
}

/// Runs the real `bcd` binary and external tools for the test targets.
public enum Programs {
    /// The repository this file is in.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `$BCD_BINARY`, else the `bcd` built beside the running test bundle, else `.build/debug/bcd`.
    public static var bcdBinary: String {
        if let path = ProcessInfo.processInfo.environment["BCD_BINARY"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bcd").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/bcd").path
    }

    /// The absolute path of `tool` on PATH (and the sbin directories, for mkntfs and fsck.fat).
    public static func which(_ tool: String) throws -> String {
        if tool.contains("/") { return tool }
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/sbin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        throw MissingProgram(tool: tool)
    }

    /// Runs `tool` (a name on PATH or a path) to completion with `environment` added and
    /// BCD_STORE removed, reading `stdin` (or nothing). Input and output go through files, so
    /// a large output never blocks the child.
    public static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:],
                           currentDirectory: URL? = nil, stdin: Data? = nil) throws -> ProgramRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try which(tool))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["BCD_STORE"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bcd-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout"), errURL = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = directory.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ProgramRun(status: process.terminationStatus, stdoutData: try Data(contentsOf: outURL),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
