import BCDCheck
import BCDKit
import Foundation
import Testing
@testable import BCDEditor

/// The attached-files pane marks the files the loader injects into the WIM's \Windows\System32
/// (BootCore's LoaderInjection, the rule behind bcd check's wim.inject), and only those.
@Suite("Editor: injected files marked in the attached-files pane") struct InjectionMarkTests {
    @Test func aLooseScriptIsMarkedTheBootFilesAreNot() throws {
        let demo = try PaneEndToEndTests.demoWorkspace()
        var state = EditorState(file: try StoreFile.open(demo + "/BCD"))
        let scratch = try EditorFixtures.scratch()
        let script = scratch.appendingPathComponent("deploy.cmd").path
        try Data("@echo deploying\r\n".utf8).write(to: URL(fileURLWithPath: script))
        state.attach(ServedFile(name: "deploy.cmd", path: script))
        state.press(.character("f"))
        guard case .picker(let picker)? = state.topDialog else { Issue.record("no attached-files pane"); return }
        let details = Dictionary(uniqueKeysWithValues: picker.items.filter { $0.value.hasPrefix("file:") }.map { ($0.label, $0.detail) })
        #expect(details["deploy.cmd"] == script + " · injected into boot.wim's \\Windows\\System32")
        // The demo's boot files (boot.sdi, boot.wim) are served as themselves.
        let others = details.filter { $0.key != "deploy.cmd" }
        #expect(others.keys.contains("boot.wim") && others.keys.contains("boot.sdi"), "\(details.keys.sorted())")
        for (name, detail) in others { #expect(!detail.contains("injected"), "\(name): \(detail)") }
    }
}
