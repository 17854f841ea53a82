import BCDCheck
import BCDKit
import Foundation
import Testing
@testable import BCDEditor

/// The boot key hands the test boot the store on screen: the file's bytes as read when clean,
/// the edited store's bytes when not (the file on disk untouched), and the editor's findings.
@Suite struct BootKeyRunTests {
    @Test func cleanStoreServesTheFileAsRead() throws {
        let state = try EditorFixtures.state()
        let loaded = try BootKeyRun.loaded(state)
        #expect(loaded.path == state.file.path && loaded.model == state.store)
        #expect(loaded.bytes == [UInt8](try #require(FileManager.default.contents(atPath: state.file.path))))
    }

    @Test func unsavedEditsServeTheEditedStoreAndLeaveTheFile() throws {
        var state = try EditorFixtures.state()
        let before = try #require(FileManager.default.contents(atPath: state.file.path))
        var edited = state.store
        #expect(edited.remove(EditorFixtures.memdiag) != nil)
        state.store = edited
        let loaded = try BootKeyRun.loaded(state)
        #expect(loaded.model == edited && loaded.path == state.file.path)
        #expect(FileManager.default.contents(atPath: state.file.path) == before)
        // The bytes are a store that reads back as the edited one.
        let copy = try EditorFixtures.scratch().appendingPathComponent("BCD").path
        #expect(FileManager.default.createFile(atPath: copy, contents: Data(loaded.bytes)))
        #expect(try StoreFile.open(copy).saved == edited)
        #expect(state.servedFiles.all.first == ServedFile(name: "BCD", path: state.file.path))
    }
}
