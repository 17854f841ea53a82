import Foundation

/// Paths to the shared fixtures (../shared/fixtures beside the repository), found from this
/// source file so tests work from any working directory.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let bcdDirectory = repositoryRoot.appendingPathComponent("../shared/fixtures/bcd").standardizedFileURL

    /// Every real store (the transaction log is not a store).
    static let storeNames = [
        "pybcd-BCDTest", "pybcd-BCDfresh", "pybcd-BCDlaptop", "pybcd-BCDrecovery", "pybcd-BCDvm",
        "setup-media-BCD", "win10-esp-BCD", "win10-recovery-BCD", "win7-bios-mbr-BCD",
    ]

    static func store(_ name: String) -> String { bcdDirectory.appendingPathComponent(name).path }

    /// A private copy of a fixture for tests that write.
    static func copy(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bcdkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("BCD").path
        try FileManager.default.copyItem(atPath: store(name), toPath: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target)
        return target
    }

    /// `hivexregedit --export` of the whole hive: the registry content, independent of layout.
    static func registryExport(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/hivexregedit")
        process.arguments = ["--export", path, "\\"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExportFailed(path: path) }
        return String(decoding: data, as: UTF8.self)
    }

    struct ExportFailed: Error { let path: String }
}
