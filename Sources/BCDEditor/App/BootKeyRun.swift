import BCDBoot
import BCDKit
import Foundation

/// The boot key's run, once curses is suspended: the store as the editor shows it (a
/// temporary copy when there are unsaved changes, so the boot tests what is on screen and
/// the file on disk stays as it is) with the attached files.
enum BootKeyRun {
    static func run(_ state: EditorState, request: BootKeyRequest) -> BootOutcome {
        let display: BootDisplay = request.onConsole ? .terminal : .none
        let files = state.attachedFiles.map { ServedFile(name: $0.name, path: $0.path) }
        guard state.isDirty else {
            return TestBoot.runFromEditor(store: state.file.path, files: files, unsavedChanges: false, force: request.force, display: display)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bcd-boot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let copy = directory + "/BCD"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try StoreFile.create(copy).save(state.store, keepBackup: false)
        } catch {
            return BootOutcome(kind: .notStarted, headline: "NOT STARTED: cannot write the unsaved store to \(copy): \(error)")
        }
        // An attached BCD (served by name) would win over the copy; the copy is the store on screen.
        let served = files.filter { $0.name.lowercased() != "bcd" || $0.path != state.file.path }
        return TestBoot.runFromEditor(store: copy, files: served, unsavedChanges: true, force: request.force, display: display)
    }
}
