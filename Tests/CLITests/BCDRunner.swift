import Foundation
import Testing

/// Runs the real `bcd` binary (built beside this test bundle, or $BCD_BINARY) and external
/// tools. A missing tool fails the test with a clear message; nothing is skipped.
enum BCDRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repositoryRoot.appendingPathComponent("../shared/fixtures/bcd").standardizedFileURL

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BCD_BINARY"] { return path }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bcd").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return repositoryRoot.appendingPathComponent(".build/debug/bcd").path
    }

    @discardableResult
    static func bcd(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try run(binary, arguments, environment: environment)
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        let resolved = executable.contains("/") ? executable : try which(executable)
        process.executableURL = URL(fileURLWithPath: resolved)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["BCD_STORE"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, so a large output can never block the child on a full pipe.
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout"), errURL = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The absolute path of a tool, or a thrown failure naming the Debian package.
    static func which(_ tool: String) throws -> String {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw MissingTool(tool: tool)
    }

    struct MissingTool: Error, CustomStringConvertible {
        let tool: String
        var description: String { "required tool '\(tool)' is not installed (run scripts/install-deps.sh)" }
    }

    /// A fresh directory for one test.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bcd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A writable copy of a fixture store.
    static func copyFixture(_ name: String, to directory: URL) throws -> String {
        let target = directory.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent(name).path, toPath: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target)
        return target
    }

    /// `hivexregedit --export` of the whole hive: the registry content, independent of layout.
    static func registryExport(_ path: String) throws -> String {
        let result = try run("hivexregedit", ["--export", path, "\\"])
        #expect(result.status == 0, "hivexregedit failed: \(result.stderr)")
        return result.stdout
    }

    static func contents(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}
