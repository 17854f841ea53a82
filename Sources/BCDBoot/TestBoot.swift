import BCDCheck
import BCDKit
import Foundation

/// The one-call test boot, for tests and the editor: a BootRequest from what the caller has,
/// then a BootSession. The editor's boot key hands over its store, attached files and
/// diagnostics (display .none, or .terminal after suspending curses) and shows the outcome.
public enum TestBoot {
    /// Boots the store at `store` (read once) with `files` (nil: the files beside the store),
    /// reporting progress lines, and returns the outcome with the step timings. Never throws:
    /// problems are outcomes of kind .notStarted.
    public static func run(store: String, files: [ServedFile]? = nil, mode: BootMode = .disk, display: BootDisplay = .none,
                           timeout: Double = 120, force: Bool = false, sourceRoot: String? = nil,
                           progress: @escaping (String) -> Void) -> (BootOutcome, BootTimings) {
        var served = ServedFiles(store: store, serving: .asBCD, files: files ?? [])
        if files == nil {
            do { served = try ServedFiles.resolve(store: store, directory: nil, named: [], serving: .asBCD) } catch {
                return (BootOutcome(kind: .notStarted, headline: "NOT STARTED: \(error)"), BootTimings())
            }
        }
        return run(store: LoadedStore(reading: store), files: served, mode: mode, display: display, timeout: timeout,
                   force: force, sourceRoot: sourceRoot, progress: progress)
    }

    /// Boots a loaded store with its files and, when the caller has them, its findings.
    /// `secureBoot`: as `bcd boot --secure-boot=PROFILE` (the loader signed by the workspace's keys).
    public static func run(store: LoadedStore, files: ServedFiles, diagnostics: [Diagnostic]? = nil, mode: BootMode = .disk,
                           secureBoot: SecureBootProfile? = nil, platform: FirmwarePlatform = .uefi, display: BootDisplay = .none, timeout: Double = 120,
                           force: Bool = false, sourceRoot: String? = nil,
                           progress: @escaping (String) -> Void) -> (BootOutcome, BootTimings) {
        guard let loader = sourceRoot.map({ LoaderSource.sourceTree(root: $0) }) ?? LoaderSource.find(platform: platform) else {
            return (BootOutcome(kind: .notStarted, headline: "NOT STARTED: \(LoaderSource.notFoundMessage)"), BootTimings())
        }
        var request = BootRequest(store: store, files: files, diagnostics: diagnostics, loader: loader)
        request.mode = mode
        request.display = display
        request.timeout = timeout
        request.force = force
        request.secureBoot = secureBoot
        request.platform = platform
        var session = BootSession(request: request, progress: progress)
        let outcome = session.run()
        return (outcome, session.timings)
    }
}

extension TestBoot {
    /// The editor's boot key, once curses is suspended (endwin): the boot's progress and outcome
    /// on the plain terminal, then "press Enter" before the editor takes the screen back.
    /// - Parameters:
    ///   - store: the store to serve as BCD, as the editor has it (its unsaved version's bytes
    ///     when `unsavedChanges`).
    ///   - files: the attached files; `diagnostics`: the editor's findings for them.
    ///   - force: boot even when validation finds errors (the editor asked first).
    ///   - mode: `.disk`, or `.http` (the `N` key: iPXE over HTTP, each request in the report).
    ///   - secureBoot: the profile when the workspace has keys (the loader signed by them); nil: off.
    ///   - display: `.none` (headless) or `.terminal` (the serial console here; Ctrl-A X stops).
    ///   - write: where text goes (the terminal's standard output).
    ///   - waitForEnter: reads the key that returns to the editor (standard input's next line).
    /// - Returns: the outcome, for the editor's message line (`headline`, `exitStatus`).
    public static func runFromEditor(store: LoadedStore, files: ServedFiles, diagnostics: [Diagnostic]?, unsavedChanges: Bool, force: Bool = false,
                                     mode: BootMode = .disk, secureBoot: SecureBootProfile? = nil, platform: FirmwarePlatform = .uefi,
                                     display: BootDisplay = .none, sourceRoot: String? = nil,
                                     write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
                                     waitForEnter: () -> Void = { _ = readLine() }) -> BootOutcome {
        write("bcd: test boot of \(store.path)\n")
        if unsavedChanges { write("bcd: booting the editor's unsaved version (the file on disk is unchanged)\n") }
        if force { write("bcd: forced: validation errors do not stop this boot\n") }
        if platform == .bios { write("bcd: BIOS: SeaBIOS boots loader.lkrn from a SYSLINUX disk; the BCD is served unpatched\n") }
        if mode == .http { write("bcd: over the network: iPXE fetches the loader and the files over HTTP from a server on 127.0.0.1\n") }
        if let secureBoot {
            write("bcd: secure boot: on (profile \(secureBoot.rawValue)), loader signed by the workspace's keys/\(LoaderSigning.certName)\n")
        }
        if display == .terminal { write("bcd: the machine's console follows; Ctrl-A then X stops it\n") }
        let (outcome, timings) = run(store: store, files: files, diagnostics: diagnostics, mode: mode, secureBoot: secureBoot,
                                     platform: platform, display: display, force: force, sourceRoot: sourceRoot) { write($0 + "\n") }
        write(outcome.text)
        write(timings.text + "\n")
        write("Press Enter to return to the editor.")
        waitForEnter()
        return outcome
    }
}
