import BCDBoot
import BCDCheck
import BCDKit
import Foundation

/// The boot key's run, once curses is suspended: the store as the editor shows it (its
/// unsaved version's bytes when there are changes; the file on disk stays as it is) with the
/// attached files and the diagnostics the editor shows for them (nothing is re-read or re-checked).
enum BootKeyRun {
    /// `write` and `waitForEnter`: the terminal's (tests capture the report instead).
    static func run(_ state: EditorState, request: BootKeyRequest,
                    write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
                    waitForEnter: () -> Void = { _ = readLine() }) -> BootOutcome {
        let display: BootDisplay = request.onConsole ? .terminal : .none
        let store: LoadedStore
        do { store = try loaded(state) } catch {
            return BootOutcome(kind: .notStarted, headline: "NOT STARTED: cannot write the unsaved store: \(error)")
        }
        return TestBoot.runFromEditor(store: store, files: state.servedFiles, diagnostics: state.diagnostics,
                                      unsavedChanges: state.isDirty, force: request.force, mode: request.mode, secureBoot: request.secureBoot, platform: request.platform,
                                      display: display, write: write, waitForEnter: waitForEnter)
    }

    /// The store on screen with the bytes to serve: the file's as read, or, with unsaved
    /// changes, as written once to a scratch copy (hivex writes files, not memory).
    static func loaded(_ state: EditorState) throws -> LoadedStore {
        let path = Attachments.absolute(state.file.path)
        guard state.isDirty else { return LoadedStore(path: path, model: state.store, bytes: state.file.bytes) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bcd-boot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let copy = try StoreFile.create(directory + "/BCD")
        try copy.save(state.store, keepBackup: false)
        return LoadedStore(path: path, model: state.store, bytes: copy.bytes)
    }
}
