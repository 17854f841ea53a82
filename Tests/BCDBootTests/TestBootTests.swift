import BCDCheck
import Foundation
import Testing
@testable import BCDBoot

@Test func validationErrorsStopTheBootBeforeAnyBuild() throws {
    let scratch = try ScratchDirectory("tb")
    defer { scratch.remove() }
    let dir = scratch.path
    try scratch.write("not a registry hive", to: "BCD")
    try scratch.write("sdi", to: "boot.sdi")
    try scratch.write("x", to: "BCD.LOG1")
    #expect(try ServedFiles.beside(store: dir + "/BCD").map(\.name) == ["boot.sdi"])

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
    let scratch = try ScratchDirectory("ed")
    defer { scratch.remove() }
    let dir = scratch.path
    try scratch.write("not a hive", to: "BCD")
    var text = ""
    var waited = false
    let store = LoadedStore(reading: dir + "/BCD")
    let files = ServedFiles(store: store.path, serving: .asBCD, files: [])
    let outcome = TestBoot.runFromEditor(store: store, files: files, diagnostics: store.check(files: files.all, options: files.checkOptions()),
                                         unsavedChanges: true, sourceRoot: dir,
                                         write: { text += $0 }, waitForEnter: { waited = true })
    #expect(outcome.kind == .notStarted)
    #expect(waited)
    #expect(text.contains("unsaved version"))
    #expect(text.contains("NOT STARTED: validation found"))
    #expect(text.hasSuffix("Press Enter to return to the editor."))
}

@Test func theCallersFindingsAreReportedInsteadOfACheck() throws {
    let scratch = try ScratchDirectory("given")
    defer { scratch.remove() }
    let dir = scratch.path
    try scratch.write("not a hive", to: "BCD")
    let store = LoadedStore(reading: dir + "/BCD")
    #expect(store.unreadable != nil)
    let files = ServedFiles(store: store.path, serving: .asBCD, files: [])
    // No findings handed over: the boot does not check the store again, so it goes on to the build.
    var lines: [String] = []
    let (clean, _) = TestBoot.run(store: store, files: files, diagnostics: [], sourceRoot: dir) { lines.append($0) }
    #expect(!lines.contains { $0.hasPrefix("check: error") })
    #expect(lines.contains { $0.hasPrefix("build:") })
    #expect(!clean.headline.hasPrefix("NOT STARTED: validation found"))
    // An error handed over stops it, with the caller's message.
    let given = Diagnostic(rule: "test.given", severity: .error, message: "the editor says no")
    lines = []
    let (stopped, _) = TestBoot.run(store: store, files: files, diagnostics: [given], sourceRoot: dir) { lines.append($0) }
    #expect(stopped.headline.hasPrefix("NOT STARTED: validation found 1 error"))
    #expect(lines.contains { $0.hasPrefix("check: ") && $0.contains("the editor says no") })
}
