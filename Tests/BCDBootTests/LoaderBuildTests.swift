import Foundation
import Testing
@testable import BCDBoot

/// A fake source tree: loader/Makefile with the given recipe, and a BootCore file.
private func fakeTree(recipe: String) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("bcdboot-build-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root + "/loader/build", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/Sources/BootCore", withIntermediateDirectories: true)
    try "loader:\n\t\(recipe)\n".write(toFile: root + "/loader/Makefile", atomically: true, encoding: .utf8)
    try "let x = 1\n".write(toFile: root + "/Sources/BootCore/X.swift", atomically: true, encoding: .utf8)
    return root
}

private func touch(_ path: String, _ date: Date) throws {
    try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
}

@Test func loaderIsRebuiltWhenMissingOrOlderThanASource() throws {
    let root = try fakeTree(recipe: "touch build/loader.efi")
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(LoaderBuild.staleReason(sourceRoot: root) == "loader.efi is missing")
    var lines: [String] = []
    try LoaderBuild.build(sourceRoot: root) { lines.append($0) }
    #expect(lines.contains { $0.contains("touch build/loader.efi") })
    let now = Date()
    for f in ["/loader/Makefile", "/Sources/BootCore/X.swift"] { try touch(root + f, now.addingTimeInterval(-100)) }
    try touch(root + "/loader/build/loader.efi", now.addingTimeInterval(-50))
    #expect(LoaderBuild.staleReason(sourceRoot: root) == nil)
    // Documentation and the loader's tests do not count; BootCore does.
    try "doc".write(toFile: root + "/loader/README.md", atomically: true, encoding: .utf8)
    #expect(LoaderBuild.staleReason(sourceRoot: root) == nil)
    try touch(root + "/Sources/BootCore/X.swift", now)
    #expect(LoaderBuild.staleReason(sourceRoot: root)?.contains("Sources/BootCore/X.swift") == true)
}

@Test func failedBuildShowsTheCompilerError() throws {
    let root = try fakeTree(recipe: "@echo 'src/main.c:3:1: error: expected declaration' >&2; echo '  3 | oops'; exit 1")
    defer { try? FileManager.default.removeItem(atPath: root) }
    var streamed: [String] = []
    #expect {
        try LoaderBuild.build(sourceRoot: root) { streamed.append($0) }
    } throws: { error in
        let message = (error as? BootFailure)?.message ?? ""
        return message.contains("make -C loader loader failed") && message.contains("src/main.c:3:1: error: expected declaration")
    }
    #expect(streamed.contains("src/main.c:3:1: error: expected declaration"))
}

@Test func installedLoaderIsBesideTheBinDirectory() throws {
    #expect(LoaderSource.installedDirectory(executable: "/usr/bin/bcd") == "/usr/lib/bcd")
    #expect(LoaderSource.installedDirectory(executable: "/opt/x/bin/bcd") == "/opt/x/lib/bcd")
    // A build directory is not an installation.
    #expect(LoaderSource.installedDirectory(executable: "/src/.build/release/bcd") == nil)
    #expect(LoaderSource.installed(directory: "/usr/lib/bcd").loaderPath == "/usr/lib/bcd/loader.efi")
}

@Test func missingInstalledLoaderIsNamed() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcdboot-installed-\(UUID().uuidString)").path
    #expect {
        _ = try LoaderSource.installed(directory: dir).prepare { _ in }
    } throws: { error in
        (error as? BootFailure)?.message == "the installed loader \(dir)/loader.efi is missing (reinstall the bcd package)"
    }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data("MZ".utf8).write(to: URL(fileURLWithPath: dir + "/loader.efi"))
    var lines: [String] = []
    #expect(try LoaderSource.installed(directory: dir).prepare { lines.append($0) } == false)
    #expect(lines == ["build: using the installed \(dir)/loader.efi"])
}
