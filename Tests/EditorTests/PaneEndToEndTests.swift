import Foundation
import Testing

/// The diagnostics pane and the boot key in the real binary, in tmux, on a demo workspace
/// made by scripts/make-demo-workspace.sh (a missing tool is a failure, never a skip).
@Suite("Editor panes end to end (tmux)") struct PaneEndToEndTests {
    static func demoWorkspace() throws -> String {
        let directory = try EditorFixtures.scratch().appendingPathComponent("demo").path
        let script = TmuxSession.repositoryRoot.appendingPathComponent("scripts/make-demo-workspace.sh").path
        let log = directory + ".log"
        let status = try Spawn.run("/usr/bin/env", ["BCD=\(TmuxSession.binary)", "bash", script, directory], stdoutPath: log)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0, FileManager.default.fileExists(atPath: directory + "/BCD") else {
            throw TmuxSession.Failure(description: "make-demo-workspace.sh failed (status \(status)):\n\(output)")
        }
        return directory
    }

    /// A fresh demo workspace and the editor on its store, once the check says clean.
    static func editDemo() throws -> (demo: String, session: TmuxSession) {
        let demo = try demoWorkspace()
        let session = try TmuxSession(["edit", demo + "/BCD"], environment: environment)
        do { try session.waitFor("g diagnostics: clean") } catch { session.close(); throw error }
        return (demo, session)
    }

    /// Sets {ramdiskoptions} ramdisksdipath to \\Image\\boot.sdi (outside the loader's directories).
    static func breakSDIPath(_ session: TmuxSession) throws {
        try session.send("/")
        try session.type("ramdiskoptions")
        try session.send("Enter", "l", "j", "j", "Enter")
        try session.waitFor("> \\Boot\\boot.sdi")
        try session.send("C-u")
        try session.type("\\Image\\boot.sdi")
        try session.send("Enter")
        try session.waitFor("ramdisksdipath          \\Image\\boot.sdi")
    }

    static var environment: [String: String] { ["BCD_SOURCE_ROOT": TmuxSession.repositoryRoot.path] }

    /// The attached-files pane names the boot manager that will start (BootManagerPlan).
    @Test func attachedFilesSayWhichBootManagerStarts() throws {
        let (_, session) = try Self.editDemo()
        defer { session.close() }
        try session.send("f")
        try session.waitFor("Attached files (2)")
        try session.waitFor("boot manager: bootmgfw.efi")
        try session.type("boot manager")
        try session.send("Enter")
        try session.waitFor("boot manager: bootmgfw.efi starts (from boot.wim's \\Windows\\Boot\\EFI\\bootmgfw.efi; unsigned)")
    }

    @Test func diagnosticsShowTheDemoCleanThenTheBrokenSDIPathAndJumpToIt() throws {
        let (_, session) = try Self.editDemo()
        defer { session.close() }
        try session.waitFor("f attached files (2)")
        try session.send("g")
        try session.waitFor("Diagnostics: clean")
        try session.waitFor("no problems")
        try session.send("Escape")

        try Self.breakSDIPath(session)
        try session.send("g")
        var screen = try session.waitFor("Diagnostics: 1 error")
        #expect(screen.contains("error ramdisk.path-outside"))
        // Enter on the (first, worst) finding jumps to the element.
        try session.send("Escape", "h", "/")
        try session.send("C-u")
        try session.type("bootmgr")
        try session.send("Enter", "g", "Enter")
        screen = try session.waitFor("ramdisksdipath: boot.sdi path \\Image\\boot.sdi is not in one of the loader's directories")
        #expect(screen.contains("Setup Ramdisk Options  {ramdiskoptions}"))

        // Undo restores a clean check.
        try session.send("u")
        try session.waitFor("undone:")
        try session.send("g")
        try session.waitFor("Diagnostics: clean")
    }

    @Test func bootKeyBootsTheDemoAndShowsTheStandInOutcome() throws {
        let (_, session) = try Self.editDemo()
        defer { session.close() }
        try session.send("b")
        try session.waitFor("Press Enter to return to the editor.", seconds: 120)
        let output = try session.transcript()   // the report is longer than the pane
        #expect(output.contains("bcd: test boot of"))
        try session.send("Enter")
        let screen = try session.waitFor("OK: booted", seconds: 15)
        #expect(screen.contains("Boot Loaders (1)"))
    }

    @Test func validationStopsTheBootKeyAndForcingShowsTheLoaderError() throws {
        let (demo, session) = try Self.editDemo()
        defer { session.close() }
        // Detach boot.wim: no boot manager is left for the loader to start.
        try session.send("f")
        try session.waitFor("Attached files (2)")
        try session.type("boot.wim")
        try session.send("Enter")
        try session.waitFor("Detach boot.wim")
        try session.send("d")
        try session.waitFor("detached boot.wim")

        // The boot key stops at validation, in the editor, and cancelling starts nothing.
        try session.send("b")
        var screen = try session.waitFor("Test boot stopped by validation")
        #expect(screen.contains("the boot stops here"))
        #expect(screen.contains("[F] force: boot anyway"))
        try session.send("c")
        try session.waitFor("test boot not started: validation found")

        // Forced: the loader runs and its own error comes back classified.
        try session.send("b")
        try session.waitFor("Test boot stopped by validation")
        try session.send("F")
        try session.waitFor("Press Enter to return to the editor.", seconds: 150)
        let output = try session.transcript()   // the report is longer than the pane
        #expect(output.contains("bcd: forced: validation errors do not stop this boot"))
        #expect(output.contains("FAILED: the loader stopped:"))
        try session.send("Enter")
        screen = try session.waitFor("FAILED: the loader stopped:", seconds: 15)
        #expect(screen.contains("Boot Loaders (1)"))
        // The file on disk was never touched.
        #expect(!FileManager.default.fileExists(atPath: demo + "/BCD.bak"))
    }

    @Test func brokenSDIPathStopsTheBootAndForcingShowsTheBootManagersError() throws {
        let (demo, session) = try Self.editDemo()
        defer { session.close() }
        let before = try Data(contentsOf: URL(fileURLWithPath: demo + "/BCD"))
        try Self.breakSDIPath(session)   // not saved

        try session.send("b")
        // Its last line, so the whole dialog is drawn.
        let dialog = try session.waitFor("[F] force: boot anyway")
        #expect(dialog.contains("Test boot stopped by validation"))
        #expect(dialog.contains("ramdisk.path-outside"))
        try session.send("F")
        try session.waitFor("Press Enter to return to the editor.", seconds: 150)
        let output = try session.transcript()   // the report is longer than the pane
        #expect(output.contains("booting the editor's unsaved version"))
        #expect(output.contains("FAILED: the boot manager (STAND-IN imitation) stopped with 0xc000000f STATUS_NO_SUCH_FILE, File \\Image\\boot.sdi"))
        #expect(output.contains("{ramdiskoptions} ramdisksdipath \\Image\\boot.sdi"))
        // The screen as the console showed it, read off the screen model.
        #expect(output.contains("  |     Status: 0xc000000f"))
        #expect(output.contains("  |  ENTER=OS Selection"))
        try session.send("Enter")
        let screen = try session.waitFor("stopped with 0xc000000f", seconds: 15)
        #expect(screen.contains("[+]"), "the edit is still there, unsaved")
        #expect(try Data(contentsOf: URL(fileURLWithPath: demo + "/BCD")) == before, "the file on disk is untouched")
    }

    @Test func shiftBShowsTheMachinesConsoleOnTheTerminal() throws {
        let (_, session) = try Self.editDemo()
        defer { session.close() }
        try session.send("B")
        try session.waitFor("Press Enter to return to the editor.", seconds: 150)
        let output = try session.transcript()   // the report is longer than the pane
        #expect(output.contains("STANDIN done"), "the serial console reached the terminal")
        #expect(output.contains("OK: booted"))
        try session.send("Enter")
        try session.waitFor("OK: booted", seconds: 15)
    }
}
