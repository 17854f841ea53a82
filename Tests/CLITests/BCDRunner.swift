import Foundation
import TestSupport
import Testing

/// Runs the real `bcd` binary (built beside this test bundle, or $BCD_BINARY) and external
/// tools. A missing tool fails the test with a clear message; nothing is skipped.
enum BCDRunner {
    typealias Result = ProgramRun

    static let repositoryRoot = Programs.repositoryRoot
    static let fixtures = repositoryRoot.appendingPathComponent("../shared/fixtures/bcd").standardizedFileURL

    static var binary: String { Programs.bcdBinary }

    @discardableResult
    static func bcd(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try run(binary, arguments, environment: environment)
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try Programs.run(executable, arguments, environment: environment)
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
