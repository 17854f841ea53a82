import BCDCheck
import BCDKit
import Foundation
import Testing
@testable import BCDEditor

/// The diagnostics and attached-files panes, on the model.
@Suite("Editor panes") struct PaneTests {
    @Test func diagnosticsFollowEveryEditAndUndo() throws {
        var state = try EditorFixtures.state()
        let before = state.diagnostics
        #expect(!before.contains { $0.rule == "store.bootmgr-missing" })
        state.change("remove {bootmgr}") { store in _ = store.remove(ObjectNames.bootManager) }
        #expect(state.diagnostics.contains { $0.rule == "store.bootmgr-missing" })
        #expect(state.diagnosticsSummary.contains("error"))
        state.undo()
        #expect(state.diagnostics == before)
    }

    @Test func diagnosticsAreSortedWorstFirstAndColouredBySeverity() throws {
        var state = try EditorFixtures.state()
        state.change("remove {bootmgr}") { store in _ = store.remove(ObjectNames.bootManager) }
        let severities = state.diagnostics.map(\.severity)
        #expect(severities == severities.sorted(by: >))
        #expect(EditorState.style(for: .error) == .error)
        #expect(EditorState.style(for: .warning) == .heading)
        #expect(EditorState.style(for: .note) == .dim)
        state.press(.character("g"))
        guard case .picker(let picker)? = state.topDialog else { Issue.record("no diagnostics pane"); return }
        #expect(picker.items.first?.style == .error)
        #expect(state.render().contains("store.bootmgr-missing"))
    }

    @Test func enterOnADiagnosticJumpsToItsElement() throws {
        var state = try EditorFixtures.state()
        // A displayorder entry naming nothing: the finding concerns {bootmgr} displayorder.
        let ghost = BCDGUID("00000000-1111-2222-3333-444444444444")!
        state.change("add a ghost") { store in
            guard var manager = store[ObjectNames.bootManager], case .objectList(let list)? = manager.value(ElementIDs.displayOrder) else { return }
            manager.set(ElementIDs.displayOrder, .objectList(list + [ghost]))
            store.add(manager)
        }
        let found = try #require(state.diagnostics.firstIndex { $0.object == ObjectNames.bootManager && $0.element == ElementIDs.displayOrder })
        state.select(EditorFixtures.windows10)
        state.press(.character("g"))
        guard case .picker(let picker)? = state.topDialog else { Issue.record("no diagnostics pane"); return }
        let row = try #require(picker.visibleItems.firstIndex { $0.value == String(found) })
        for _ in 0..<row { state.press(.down) }
        state.press(.enter)
        #expect(state.dialogs.isEmpty)
        #expect(state.selectedObject == ObjectNames.bootManager)
        #expect(state.focus == .elements)
        #expect(state.currentElement?.type.rawValue == ElementIDs.displayOrder)
    }

    @Test func attachedFilesDefaultToTheStoresNeighboursAndCanBeAttachedAndDetached() throws {
        let directory = try EditorFixtures.scratch()
        let path = try EditorFixtures.copy("win10-esp-BCD", to: directory)
        let sdi = directory.appendingPathComponent("boot.sdi").path
        FileManager.default.createFile(atPath: sdi, contents: Data("not an sdi".utf8))
        FileManager.default.createFile(atPath: path + ".bak", contents: Data())
        var state = EditorState(file: try StoreFile.open(path))
        #expect(state.attachedFiles.map(\.name) == ["boot.sdi"])

        let other = try EditorFixtures.scratch().appendingPathComponent("x.wim").path
        FileManager.default.createFile(atPath: other, contents: Data("not a wim".utf8))
        let versionBefore = state.filesVersion
        state.press(.character("f"), .pageUp, .enter)   // "+ attach a file" (the first file starts highlighted)
        state.type("boot.wim=" + other)
        state.press(.enter)
        #expect(state.dialogs.isEmpty)
        #expect(state.attachedFiles.contains(ServedFile(name: "boot.wim", path: other)))
        #expect(state.filesVersion != versionBefore)

        // A missing file keeps the prompt open with the reason.
        state.press(.character("f"), .pageUp, .enter)
        state.type("/nonexistent/boot.sdi")
        state.press(.enter)
        guard case .text(let prompt)? = state.topDialog else { Issue.record("the prompt closed"); return }
        #expect(prompt.error?.contains("no such file") == true)
        state.press(.escape, .escape)

        // Detach boot.sdi: Enter on it, then d.
        state.press(.character("f"))
        guard case .picker(let picker)? = state.topDialog else { Issue.record("no files pane"); return }
        let row = try #require(picker.items.firstIndex { $0.label == "boot.sdi" })
        state.press(.pageUp)
        for _ in 0..<row { state.press(.down) }
        state.press(.enter, .character("d"))
        #expect(state.attachedFiles.map(\.name) == ["boot.wim"])
        #expect(state.message?.text.contains("detached boot.sdi") == true)
    }

    @Test func statusLineShowsTheCheckAndBootKeys() throws {
        let state = try EditorFixtures.state()
        let screen = state.render(rows: 30, columns: 80)
        let status = try #require(screen.split(separator: "\n").last)
        #expect(status.contains("g check"))
        #expect(status.contains("b boot"))
        #expect(screen.contains("g diagnostics: "))
    }

    @Test func attachmentTextIsNameEqualsPathOrAPath() throws {
        let file = try EditorFixtures.scratch().appendingPathComponent("boot.sdi").path
        FileManager.default.createFile(atPath: file, contents: Data())
        #expect(try Attachments.parse("x.sdi=" + file).get() == ServedFile(name: "x.sdi", path: file))
        #expect(try Attachments.parse(file).get() == ServedFile(name: "boot.sdi", path: file))
        #expect((try? Attachments.parse("").get()) == nil)
        #expect((try? Attachments.parse(URL(fileURLWithPath: file).deletingLastPathComponent().path).get()) == nil)
    }
}
