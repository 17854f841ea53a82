import BCDCheck
import BCDKit
import Foundation

/// The one-call test boot, for the CLI and the editor: validation through BCDCheck, then a
/// BootSession. The editor's boot key calls `TestBoot.run` with the saved store and its
/// attached files (display .none, or .terminal after suspending curses) and shows the outcome.
public enum TestBoot {
    /// Validation with BCDCheck, for UEFI, with the store served as BCD.
    public static func checkValidator(store: String, files: [ServedFile]) -> ValidationReport? {
        let supplied = files.map { SuppliedFile(name: $0.name, path: $0.path) }
        let options = CheckOptions(firmware: .uefi, storeName: "BCD")
        let (bcdStore, diagnostics) = check(storeAt: store, files: supplied, options: options)
        return ValidationReport(errors: diagnostics.filter { $0.severity == .error }.count,
                                warnings: diagnostics.filter { $0.severity == .warning }.count,
                                text: CheckReport.text(diagnostics, store: bcdStore, color: false))
    }

    /// The files served when none are named: every regular, non-hidden file next to the store
    /// (the store itself, its transaction logs and backups aside; the store is served as BCD).
    public static func defaultFiles(store: String) throws -> [ServedFile] {
        let dir = URL(fileURLWithPath: store).deletingLastPathComponent().path
        let storeReal = URL(fileURLWithPath: store).resolvingSymlinksInPath().path
        return try BootRequest.files(inDirectory: dir).filter { f in
            URL(fileURLWithPath: f.path).resolvingSymlinksInPath().path != storeReal
                && ![".LOG", ".LOG1", ".LOG2", ".bak"].contains { f.name.hasSuffix($0) }
        }
    }

    /// Boots `store` with `files` (nil: `defaultFiles`), reporting progress lines, and returns
    /// the outcome with the step timings. Never throws: problems are outcomes of kind .notStarted.
    public static func run(store: String, files: [ServedFile]? = nil, mode: BootMode = .disk, display: BootDisplay = .none,
                           timeout: Double = 120, force: Bool = false, sourceRoot: String? = nil,
                           progress: @escaping (String) -> Void) -> (BootOutcome, BootTimings) {
        guard let root = sourceRoot ?? BootRequest.findSourceRoot() else {
            return (BootOutcome(kind: .notStarted, headline: "NOT STARTED: cannot find the loader sources (loader/Makefile); set BCD_SOURCE_ROOT"), BootTimings())
        }
        let served: [ServedFile]
        do { served = try files ?? defaultFiles(store: store) } catch {
            return (BootOutcome(kind: .notStarted, headline: "NOT STARTED: \(error)"), BootTimings())
        }
        var request = BootRequest(store: store, files: served, sourceRoot: root)
        request.mode = mode
        request.display = display
        request.timeout = timeout
        request.force = force
        var session = BootSession(request: request, progress: progress)
        let outcome = session.run(validator: checkValidator(store:files:))
        return (outcome, session.timings)
    }
}

extension TestBoot {
    /// The editor's boot key, once curses is suspended (endwin): the boot's progress and outcome
    /// on the plain terminal, then "press Enter" before the editor takes the screen back.
    /// - Parameters:
    ///   - store: the store to serve as BCD: the editor's file, or a temporary copy of its
    ///     unsaved version (`unsavedChanges`).
    ///   - force: boot even when validation finds errors (the editor asked first).
    ///   - display: `.none` (headless) or `.terminal` (the serial console here; Ctrl-A X stops).
    ///   - write: where text goes (the terminal's standard output).
    ///   - waitForEnter: reads the key that returns to the editor (standard input's next line).
    /// - Returns: the outcome, for the editor's message line (`headline`, `exitStatus`).
    public static func runFromEditor(store: String, files: [ServedFile]?, unsavedChanges: Bool, force: Bool = false,
                                     display: BootDisplay = .none, sourceRoot: String? = nil,
                                     write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
                                     waitForEnter: () -> Void = { _ = readLine() }) -> BootOutcome {
        write("bcd: test boot of \(store)\n")
        if unsavedChanges { write("bcd: booting the editor's unsaved version (a temporary copy; the file on disk is unchanged)\n") }
        if force { write("bcd: forced: validation errors do not stop this boot\n") }
        if display == .terminal { write("bcd: the machine's console follows; Ctrl-A then X stops it\n") }
        let (outcome, timings) = run(store: store, files: files, display: display, force: force, sourceRoot: sourceRoot) { write($0 + "\n") }
        write(outcome.text)
        write(timings.text + "\n")
        write("Press Enter to return to the editor.")
        waitForEnter()
        return outcome
    }
}
