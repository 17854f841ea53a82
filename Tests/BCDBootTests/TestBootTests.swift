import Foundation
import Testing
@testable import BCDBoot

@Test func validationErrorsStopTheBootBeforeAnyBuild() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcdboot-tb-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data("not a registry hive".utf8).write(to: URL(fileURLWithPath: dir + "/BCD"))
    try Data("sdi".utf8).write(to: URL(fileURLWithPath: dir + "/boot.sdi"))
    try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/BCD.LOG1"))
    #expect(try TestBoot.defaultFiles(store: dir + "/BCD").map(\.name) == ["boot.sdi"])

    var lines: [String] = []
    // sourceRoot without a loader: reaching the build step would say so; validation stops first.
    let (outcome, timings) = TestBoot.run(store: dir + "/BCD", sourceRoot: dir) { lines.append($0) }
    #expect(outcome.kind == .notStarted)
    #expect(outcome.exitStatus == 1)
    #expect(outcome.headline.hasPrefix("NOT STARTED: validation found"))
    #expect(lines.contains { $0.hasPrefix("check: error") })
    #expect(!lines.contains { $0.hasPrefix("build:") })
    #expect(timings.build == 0)
}

@Test func editorEntryPointShowsTheOutcomeAndWaitsForEnter() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcdboot-ed-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data("not a hive".utf8).write(to: URL(fileURLWithPath: dir + "/BCD"))
    var text = ""
    var waited = false
    let outcome = TestBoot.runFromEditor(store: dir + "/BCD", files: [], unsavedChanges: true, sourceRoot: dir,
                                         write: { text += $0 }, waitForEnter: { waited = true })
    #expect(outcome.kind == .notStarted)
    #expect(waited)
    #expect(text.contains("unsaved version"))
    #expect(text.contains("NOT STARTED: validation found"))
    #expect(text.hasSuffix("Press Enter to return to the editor."))
}
