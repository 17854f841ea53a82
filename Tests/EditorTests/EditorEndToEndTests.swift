import BCDKit
import Foundation
import Testing

/// The real binary in tmux on copies of the fixture stores.
@Suite("Editor end to end (tmux)") struct EditorEndToEndTests {
    static let windows10 = "{347518e1-f3cc-11ea-911e-c7eaa7d84b6c}"

    @Test func editSessionSavesExactlyWhatTheCLIWouldWrite() throws {
        let directory = try EditorFixtures.scratch()
        let path = try EditorFixtures.copy("win10-esp-BCD", to: directory)
        let session = try TmuxSession(["edit", path])
        defer { session.close() }
        try session.waitFor("Boot Loaders (4)")

        // Navigate to Windows 10 and rename it (Cyrillic).
        try session.send("j", "j")
        try session.waitFor("Windows Boot Loader  {default}")
        try session.send("Enter", "j", "j", "Enter")
        try session.waitFor("> Windows 10")
        try session.send("C-u")
        try session.type("Установка Windows")
        try session.send("Enter")
        try session.waitFor("* Установка Windows")

        // Toggle a boolean: isolatedcontext Yes -> No.
        try session.send("j", "j", "j", "j", "j", "j", "Enter")
        try session.waitFor("isolatedcontext         No")

        // WinPE ramdisk entry from the template, with a Chinese description.
        try session.send("Tab", "n")
        try session.waitFor("New object from template")
        try session.send("Enter")
        try session.waitFor("> winpe boot image")
        try session.send("C-u")
        try session.type("Windows 安装 PE")
        try session.send("Enter")
        try session.waitFor("> \\Boot\\boot.wim")
        try session.send("Enter")
        try session.waitFor("and {ramdiskoptions}")
        var screen = try session.waitFor("Windows 安装 PE")
        #expect(screen.range(of: "Ramdisk options +\\{ramdiskoptions\\}", options: .regularExpression) != nil)

        // Move it to the top of the display order.
        try session.send("[")
        try session.waitFor("up in displayorder")

        // Delete {memdiag}: referenced by toolsdisplayorder, so a warning comes first.
        try session.send("j", "j")
        try session.waitFor("Windows Memory Tester  {memdiag}")
        try session.send("D")
        screen = try session.waitFor("still referenced by")
        #expect(screen.contains("{bootmgr} toolsdisplayorder"))
        try session.send("c")
        try session.waitFor(" deleted {memdiag}")
        try session.send("u")
        try session.waitFor("undone: deleted {memdiag}")
        try session.send("r")
        try session.waitFor("redone: deleted {memdiag}")

        try session.send("s")
        try session.waitFor(" saved ")
        try session.send("q")
        try session.waitFor("EXIT=0")

        // The same edits through the CLI on another copy give exactly the same store.
        let saved = try TmuxSession.bcd(["enum", "all", "-v", "--store", path])
        #expect(saved.status == 0)
        let original = try TmuxSession.bcd(["enum", "all", "-v", "--store", EditorFixtures.fixtures.appendingPathComponent("win10-esp-BCD").path])
        let newIDs = Set(identifiers(saved.output)).subtracting(identifiers(original.output))
            .subtracting(["{ae5534e0-a924-466c-b836-758539a3ee3a}"])
        #expect(newIDs.count == 1)
        let created = try #require(newIDs.first)
        let expected = try EditorFixtures.copy("win10-esp-BCD", to: try EditorFixtures.scratch())
        let w10 = Self.windows10
        for command in [
            ["set", w10, "description", "Установка Windows"],
            ["set", w10, "isolatedcontext", "no"],
            ["create", "{ramdiskoptions}", "--d", "Ramdisk options"],
            ["set", "{ramdiskoptions}", "ramdisksdidevice", "boot"],
            ["set", "{ramdiskoptions}", "ramdisksdipath", "\\Boot\\boot.sdi"],
            ["create", created, "--d", "Windows 安装 PE", "--application", "osloader"],
            ["set", created, "systemroot", "\\Windows"],
            ["set", created, "detecthal", "yes"],
            ["set", created, "winpe", "yes"],
            ["set", created, "osdevice", "ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}"],
            ["set", created, "device", "ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}"],
            ["displayorder", created, "--addfirst"],
            ["delete", "{memdiag}", "--f"],
        ] {
            let result = try TmuxSession.bcd(command + ["--store", expected])
            #expect(result.status == 0, "bcd \(command.joined(separator: " ")): \(result.output)")
        }
        let want = try TmuxSession.bcd(["enum", "all", "-v", "--store", expected])
        #expect(saved.output == want.output)
        let plain = try TmuxSession.bcd(["enum", "all", "--store", path]).output
        #expect(plain.contains("description             Установка Windows"))
        #expect(plain.contains("description             Windows 安装 PE"))
        #expect(FileManager.default.fileExists(atPath: path + ".bak"))
    }

    private func identifiers(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("identifier") }.map { String($0.split(separator: " ").last!) }
    }

    @Test func redrawsOnResizeAndSaysWhenTooSmall() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        let session = try TmuxSession(["edit", path])
        defer { session.close() }
        try session.waitFor("Boot Loaders (4)")
        try session.resize(columns: 72, rows: 20)
        // The status line ends with the theme name only when drawn for the new width.
        try session.waitUntil("a 72-column layout") { screen in
            screen.contains("Boot Loaders") && screen.split(separator: "\n").contains { $0.hasSuffix("theme: default-dark") }
        }
        try session.resize(columns: 40, rows: 8)
        try session.waitFor("Terminal too small")
        try session.resize(columns: 120, rows: 40)
        try session.waitFor("Boot Loaders (4)")
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    @Test func startsTinyAndGrows() throws {
        let path = try EditorFixtures.copy("win7-bios-mbr-BCD")
        let session = try TmuxSession(["edit", path], columns: 30, rows: 6)
        defer { session.close() }
        try session.waitFor("Terminal too small")
        try session.resize(columns: 100, rows: 30)
        try session.waitFor("Boot Manager (")
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    @Test(arguments: ["xterm-256color", "screen", "linux", "vt100"])
    func worksOnTerminalTypes(term: String) throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        let session = try TmuxSession(["edit", path], environment: ["TERM": term])
        defer { session.close() }
        try session.waitFor("Boot Loaders (4)")
        let colored = try session.screen(escapes: true)
        if term == "vt100" {
            #expect(!hasColor(colored), "a monochrome terminal got colours")
        } else {
            #expect(hasColor(colored), "no colours on \(term)")
        }
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    @Test func honoursNoColor() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        let session = try TmuxSession(["edit", path], environment: ["NO_COLOR": "1"])
        defer { session.close() }
        try session.waitFor("Boot Loaders (4)")
        let screen = try session.screen(escapes: true)
        #expect(!hasColor(screen))
        // Selection and bars in reverse video (SGR 7).
        #expect(screen.range(of: "\u{1B}\\[([0-9]+;)*7m", options: .regularExpression) != nil)
        try session.send("t")                   // themes change nothing without colour
        try session.waitFor("theme: light")
        #expect(!hasColor(try session.screen(escapes: true)))
        try session.send("q")
        try session.waitFor("EXIT=0")
    }

    private func hasColor(_ screen: String) -> Bool {
        screen.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+|9[0-7]|10[0-7])[;m]", options: .regularExpression) != nil
    }

    @Test func readOnlyFileOpensReadOnly() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let session = try TmuxSession([path])            // `bcd STORE` opens the editor too
        defer { session.close() }
        try session.waitFor("[read-only]")
        try session.waitFor("no write permission")
        try session.send("j", "j", "d")
        try session.waitFor("changes are off")
        try session.send("s")
        try session.waitFor("cannot save")
        try session.send("q")
        try session.waitFor("EXIT=0")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func quitAsksAboutUnsavedChanges() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let session = try TmuxSession(["edit", path])
        defer { session.close() }
        try session.waitFor("Boot Loaders (4)")
        try session.send("j", "j", "j")
        try session.waitFor("Windows Memory Tester")
        try session.send("d")
        try session.waitFor("[modified]")
        try session.send("q")
        try session.waitFor("Unsaved changes")
        try session.send("c")
        try session.waitFor("still editing")
        try session.send("q")
        try session.waitFor("[q] quit without saving")
        try session.send("q")
        try session.waitFor("EXIT=0")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func storeChangedOnDiskIsNotOverwritten() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        let session = try TmuxSession(["edit", path])
        defer { session.close() }
        try session.waitFor("Boot Loaders (4)")
        try session.send("j", "j", "Enter", "j", "j", "Enter", "C-u")
        try session.type("Windows 安装")
        try session.send("Enter")
        try session.waitFor("* Windows 安装")
        // Another program changes the file meanwhile.
        #expect(try TmuxSession.bcd(["timeout", "--store", path, "7"]).status == 0)
        try session.send("s")
        let screen = try session.waitFor("not saved")
        #expect(screen.contains("changed"))
        #expect(screen.contains("[modified]"))
        #expect(screen.contains("* Windows 安装"))      // nothing lost
        try session.send("q")
        try session.waitFor("Unsaved changes")
        try session.send("q")
        try session.waitFor("EXIT=0")
        let onDisk = try TmuxSession.bcd(["enum", "all", "--store", path]).output
        #expect(onDisk.contains("timeout                 7"))
        #expect(!onDisk.contains("Windows 安装"))
    }

    @Test func newStoreFromTemplates() throws {
        let path = try EditorFixtures.scratch().appendingPathComponent("BCD").path
        let session = try TmuxSession(["edit", "--new", path, "--theme", "high-contrast"])
        defer { session.close() }
        try session.waitFor("new store")
        try session.waitFor("theme: high-contrast")
        try session.send("n")
        try session.waitFor("New object from template")
        try session.type("boot manager")
        try session.send("Enter")
        try session.waitFor("Windows Boot Manager  {bootmgr}")
        try session.send("n", "Enter", "Enter", "Enter")
        try session.waitFor("winpe boot image")
        try session.send("s")
        try session.waitFor(" saved ")
        try session.send("q")
        try session.waitFor("EXIT=0")
        let output = try TmuxSession.bcd(["enum", "all", "--store", path]).output
        #expect(output.contains("Windows Boot Manager\n--------------------\nidentifier              {bootmgr}"))
        #expect(output.contains("displayorder            {"))
        #expect(output.contains("device                  ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}"))
        #expect(output.contains("ramdisksdipath          \\Boot\\boot.sdi"))
    }

    @Test func unicodeWorksWithoutAUTF8Locale() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        let session = try TmuxSession(["edit", path], environment: ["LANG": "C"], unset: ["LC_ALL", "LC_CTYPE"])
        defer { session.close() }
        try session.waitFor("Boot Loaders (4)")
        try session.send("j", "j", "Enter", "j", "j", "Enter", "C-u")
        try session.type("Установка Windows 安装")
        try session.send("Enter")
        let screen = try session.waitFor("description             Установка Windows 安装")
        #expect(screen.contains("│"))
        try session.send("q", "q")
        try session.waitFor("EXIT=0")
    }

    @Test func unknownThemeIsAOneLineError() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        let result = try TmuxSession.bcd(["edit", path, "--theme", "nope"])
        #expect(result.status != 0)
        #expect(result.output.contains("no theme 'nope'"))
    }
}

enum TextWidthCheck {
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && $1.value <= 0x9FFF) ? 2 : 1) }
    }
}
