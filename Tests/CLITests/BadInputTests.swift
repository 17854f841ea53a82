import Foundation
import Testing

/// Bad input: one clear line on stderr, a non-zero exit, and the file left exactly as it was.
@Suite struct BadInputTests {
    /// Runs `arguments` against a copy of a fixture and checks the failure contract.
    func expectRefused(_ arguments: [String], fixture: String = "pybcd-BCDfresh", prepare: (String) throws -> Void = { _ in },
                       mentions: String) throws {
        let directory = try BCDRunner.scratch()
        let store = try BCDRunner.copyFixture(fixture, to: directory)
        try prepare(store)
        let before = try BCDRunner.contents(store)
        let result = try BCDRunner.bcd(arguments.map { $0 == "STORE" ? store : $0 })
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.stderr)")
        #expect(result.stderr.lowercased().contains(mentions.lowercased()), "\(result.stderr)")
        #expect(try BCDRunner.contents(store) == before, "the store changed")
        #expect(!FileManager.default.fileExists(atPath: store + ".bak"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// The loader would stop on the word (BootCore's LoaderCommandLine), so no script is written.
    @Test func ipxeScriptWithALoaderArgumentTheLoaderRefuses() throws {
        try expectRefused(["ipxe-script", "STORE", "--loader-args", "pause frobnicate"], mentions: "unknown command line option \"frobnicate\"")
        try expectRefused(["ipxe-script", "STORE", "--loader-args", "index=0"], mentions: "\"index=0\"")
    }

    /// `bcd serve` refuses what it cannot serve before it listens.
    @Test func serveWithoutAStore() throws {
        let directory = try BCDRunner.scratch()
        for (arguments, mentions) in [(["serve", directory.path + "/missing"], "no such store or directory"),
                                      (["serve", directory.path], "no store to serve")] {
            let result = try BCDRunner.bcd(arguments)
            #expect(result.status == 1)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(mentions), "\(result.stderr)")
        }
        let badListen = try BCDRunner.bcd(["serve", directory.path, "--listen", "localhost:80"])
        #expect(badListen.status != 0 && badListen.stderr.contains("--listen wants an IPv4 ADDR or ADDR:PORT"))
    }

    @Test func notAHive() throws {
        try expectRefused(["enum", "--store", "STORE"], prepare: { path in
            try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        }, mentions: "not a registry hive")
    }

    @Test func truncatedHive() throws {
        try expectRefused(["enum", "--store", "STORE"], fixture: "win10-esp-BCD", prepare: { path in
            let bytes = try BCDRunner.contents(path)
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        }, mentions: "truncated")
    }

    @Test func readOnlyFile() throws {
        try expectRefused(["timeout", "--store", "STORE", "5"], prepare: { path in
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        }, mentions: "read-only")
    }

    @Test func unknownElement() throws {
        try expectRefused(["set", "--store", "STORE", "{bootmgr}", "nosuchelement", "1"], mentions: "is not an element")
    }

    @Test func elementOfAnotherObjectType() throws {
        // winpe is an OS loader element, not a boot manager one.
        try expectRefused(["set", "--store", "STORE", "{bootmgr}", "winpe", "yes"], mentions: "is not an element")
    }

    @Test func malformedGUID() throws {
        try expectRefused(["set", "--store", "STORE", "{9dea862c-5cdd-4e70-acc1}", "timeout", "5"], mentions: "not an object identifier")
    }

    @Test func missingObject() throws {
        try expectRefused(["set", "--store", "STORE", "{00000000-1111-2222-3333-444444444444}", "description", "x"], mentions: "no object")
    }

    @Test(arguments: [["timeout", "soon"], ["displaybootmenu", "maybe"], ["default", "notanid"]])
    func wrongValueType(words: [String]) throws {
        try expectRefused(["set", "--store", "STORE", "{bootmgr}"] + words, mentions: "'\(words[1])'")
    }

    @Test(arguments: [
        "ramdisk=boot\\x.wim", "ramdisk=[boot]x.wim", "partition=C:", "partition=gpt:zz:yy", "partition=mbr:1234:abc",
        "floppy", "ramdisk=[boot]\\x.wim,{nonsense}",
    ])
    func deviceSyntaxErrors(device: String) throws {
        try expectRefused(["set", "--store", "STORE", "{bootmgr}", "device", device], mentions: device.hasSuffix("{nonsense}") ? "identifier" : "not a device")
    }

    @Test func createstoreRefusesToOverwrite() throws {
        try expectRefused(["createstore", "STORE"], mentions: "already exists")
    }

    @Test func noStoreNamed() throws {
        let result = try BCDRunner.bcd(["enum"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--store"))
    }
}

/// `bcd batch`: every edit or none.
@Suite struct BatchTests {
    @Test func batchAppliesAllEditsWithOneSave() throws {
        let directory = try BCDRunner.scratch()
        let store = directory.appendingPathComponent("BCD").path
        try BCDRunner.bcd(["createstore", store])
        let script = directory.appendingPathComponent("edits.txt")
        try """
        # a WinPE entry in one go
        bcd create {bootmgr} --d "boot manager"
        create {ramdiskoptions} --d 'Ramdisk options'
        set {ramdiskoptions} ramdisksdipath '\\Boot\\boot.sdi'
        timeout 12
        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try BCDRunner.bcd(["batch", "--store", store, script.path])
        #expect(result.status == 0, "\(result.stderr)")
        let listing = try BCDRunner.bcd(["enum", "all", "--store", store]).stdout
        #expect(listing.contains("timeout                 12"))
        #expect(listing.contains(#"ramdisksdipath          \Boot\boot.sdi"#))
    }

    @Test func batchWithABadLineSavesNothing() throws {
        let directory = try BCDRunner.scratch()
        let store = try BCDRunner.copyFixture("pybcd-BCDfresh", to: directory)
        let before = try BCDRunner.contents(store)
        let script = directory.appendingPathComponent("edits.txt")
        try "timeout 3\nset {bootmgr} nosuchelement 1\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try BCDRunner.bcd(["batch", "--store", store, script.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 2"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try BCDRunner.contents(store) == before)
    }
}
