import BCDCheck
import BCDKit
import Foundation
import Testing
import TestSupport

/// `bcd check` end to end: the demo workspace, exit statuses, JSON, bad inputs, fixture stores.
@Suite struct CommandTests {
    static let fixtures = Tools.repositoryRoot.appendingPathComponent("../shared/fixtures/bcd").standardizedFileURL

    func bcdCheck(_ arguments: [String], environment: [String: String] = [:]) throws -> Tools.Output {
        try Tools.run(Tools.bcd, ["check"] + arguments, environment: environment, check: false)
    }

    @Test func demoWorkspaceChecksClean() throws {
        let dir = try Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = dir.appendingPathComponent("demo").path
        try Tools.run(Tools.repositoryRoot.appendingPathComponent("scripts/make-demo-workspace.sh").path, [demo],
                      environment: ["BCD": Tools.bcd])
        let result = try bcdCheck([demo + "/BCD", "--dir", demo])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("error") || $0.hasPrefix("warning") }, "\(result.stdout)")
        #expect(result.stdout.contains("clean: 0 errors, 0 warnings"))
        let json = try bcdCheck([demo + "/BCD", "--dir", demo, "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["status"] as? Int == 0)
        #expect(document?["errors"] as? Int == 0)
    }

    /// `--secure-boot` (alone: 2011, or a profile): the PCA 2011 warning, exit status 1; without
    /// it only the signer note (exit 0); an unknown profile is refused.
    @Test func secureBootOption() throws {
        let w = try Workspace.get()
        let signed = try AuthenticodeSignerTests.Images.shared.get().leaf2011
        let files = ["--file", "boot.sdi=\(w.sdi)", "--file", "boot.wim=\(w.wim)", "--file", "bootmgfw.efi=\(signed)"]
        let plain = try bcdCheck([w.bcd] + files)
        #expect(plain.status == 0, "\(plain.stdout)")
        #expect(plain.stdout.contains("note [bootmgr.signer]: bootmgfw.efi, which the loader starts, is signed by Microsoft Windows Production PCA 2011 (certificate \"Microsoft Windows\")"))
        #expect(!plain.stdout.contains("bootmgr.secure-boot-2011"))
        for option in ["--secure-boot", "--secure-boot=2023", "--secure-boot=shim"] {
            let secure = try bcdCheck([w.bcd] + files + [option])
            #expect(secure.status == 1, "\(option): \(secure.stdout)")
            #expect(secure.stdout.contains("warning [bootmgr.secure-boot-2011] bootmgfw.efi: Secure Boot is requested"), "\(option): \(secure.stdout)")
        }
        let bad = try bcdCheck([w.bcd, "--secure-boot=2020"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--secure-boot takes 2011, 2023 or shim, got '2020'"))
    }

    @Test func exitStatusAndJSON() throws {
        let w = try Workspace.get()
        let files = ["--file", "boot.sdi=\(w.sdi)", "--file", "boot.wim=\(w.wim)"]
        let clean = try bcdCheck([w.bcd] + files)
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(!clean.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")

        let warned = try bcdCheck([try w.variant("timeout 7200")] + files)
        #expect(warned.status == 1, "\(warned.stdout)")
        #expect(warned.stdout.contains("warning [store.timeout] {bootmgr} timeout:"))

        let failed = try bcdCheck([w.bcd, "--file", "boot.sdi=\(w.sdiCorrupt)", "--file", "boot.wim=\(w.wim)", "--json"])
        #expect(failed.status == 2)
        let document = try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any]
        let items = document?["diagnostics"] as? [[String: Any]] ?? []
        #expect(items.map { $0["rule"] as? String } == ["sdi.invalid"], "\(failed.stdout)")
        #expect(items.first?["severity"] as? String == "error")
        #expect(items.first?["objectAlias"] as? String == "{ramdiskoptions}")
        #expect(items.first?["elementName"] as? String == "ramdisksdipath")
        #expect(items.first?["file"] as? String == "boot.sdi")
        #expect(items.first?["fix"] is String)
        #expect(document?["status"] as? Int == 2)
    }

    @Test func storeServedUnderAnotherName() throws {
        let w = try Workspace.get()
        let dir = try Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let renamed = dir.appendingPathComponent("winpe.bcd").path
        try FileManager.default.copyItem(atPath: w.bcd, toPath: renamed)
        let result = try bcdCheck([renamed, "--file", "boot.sdi=\(w.sdi)", "--file", "boot.wim=\(w.wim)"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("[ramdisk.store-name]"), "\(result.stdout)")
        let served = try bcdCheck([renamed, "--file", "BCD=\(renamed)", "--file", "boot.sdi=\(w.sdi)", "--file", "boot.wim=\(w.wim)"])
        #expect(served.status == 0, "\(served.stdout)")
    }

    @Test func biosNeedsBootmgrExe() throws {
        let w = try Workspace.get()
        let exe = try w.variant("set \(Workspace.loader) path \\Windows\\System32\\boot\\winload.efi")
        let result = try bcdCheck([exe, "--bios", "--file", "boot.sdi=\(w.sdi)", "--file", "boot.wim=\(w.wim)"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("[bootmgr.missing]") && result.stdout.contains("bootmgr.exe"), "\(result.stdout)")
    }

    @Test(arguments: ["/nonexistent/BCD", "transaction-log-not-a-hive", "tiny-boot.sdi"])
    func unreadableStoreIsADiagnostic(_ name: String) throws {
        let path: String
        if name.hasPrefix("/") { path = name }
        else if name.hasSuffix(".sdi") { path = Self.fixtures.appendingPathComponent("../sdi/\(name)").standardized.path }
        else { path = Self.fixtures.appendingPathComponent(name).path }
        let result = try bcdCheck([path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("error [store.unreadable]"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func badFileArguments() throws {
        let w = try Workspace.get()
        #expect(try bcdCheck([w.bcd, "--file", "nonsense"]).status != 0)
        #expect(try bcdCheck([w.bcd, "--uefi", "--bios"]).status != 0)
        let notDir = try bcdCheck([w.bcd, "--dir", "/nonexistent/dir"])
        #expect(notDir.status == 2 && notDir.stderr.contains("not a directory"))
    }

    @Test func realBootSdiIsAccepted() throws {
        let w = try Workspace.get()
        let sdi = Self.fixtures.appendingPathComponent("../sdi/tiny-boot.sdi").standardized.path
        let found = check(store: try load(w.bcd), files: w.files(["boot.sdi": sdi]), options: CheckOptions(storeName: "BCD"))
        #expect(!found.contains { $0.rule == "sdi.invalid" }, "\(found.map(\.message))")
    }

    /// Windows-written stores: never a crash, and no error a Windows expert would call false.
    /// (pybcd's BCDTest is a synthetic test store whose entries really lack required elements.)
    @Test(arguments: ["pybcd-BCDfresh", "pybcd-BCDlaptop", "pybcd-BCDrecovery", "pybcd-BCDvm", "setup-media-BCD",
                      "win10-esp-BCD", "win10-recovery-BCD", "win7-bios-mbr-BCD", "pybcd-BCDTest"])
    func fixtureStores(_ name: String) throws {
        let store = try load(Self.fixtures.appendingPathComponent(name).path)
        for firmware in [CheckOptions.Firmware.uefi, .bios] {
            let found = check(store: store, files: [], options: CheckOptions(firmware: firmware))
            let serious = found.filter { $0.severity != .note }
            if name == "pybcd-BCDTest" {
                #expect(found.contains { $0.rule == "store.bootmgr-missing" })
            } else {
                #expect(serious.isEmpty, "\(name): \(serious.map { "\($0.rule): \($0.message)" })")
            }
        }
        // Through the CLI too (text and JSON), with the test files supplied.
        let w = try Workspace.get()
        let path = Self.fixtures.appendingPathComponent(name).path
        for extra in [[], ["--json"]] {
            let result = try bcdCheck([path, "--file", "boot.sdi=\(w.sdi)", "--file", "boot.wim=\(w.wim)"] + extra)
            #expect([0, 1, 2].contains(result.status), "\(name): \(result.stderr)")
        }
    }

    @Test func setupMediaStoreBootsWithMatchingFiles() throws {
        // Windows setup media: ramdisk=[boot]\sources\boot.wim, sdi \boot\boot.sdi.
        let w = try Workspace.get()
        let store = try load(Self.fixtures.appendingPathComponent("setup-media-BCD").path)
        let files = [ServedFile(name: "BCD", path: w.bcd), ServedFile(name: "boot.sdi", path: w.sdi), ServedFile(name: "boot.wim", path: w.wim)]
        let found = check(store: store, files: files, options: CheckOptions(storeName: "BCD"))
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found.map { "\($0.rule): \($0.message)" })")
    }
}

/// Colour only on a terminal (a pseudo-terminal from util-linux `script`), and never with NO_COLOR.
@Test func colourOnATerminalOnly() throws {
    let w = try Workspace.get()
    let store = try w.variant("timeout 7200")
    let command = "'\(Tools.bcd)' check '\(store)'"
    let tty = try Tools.run("script", ["-qec", "env -u NO_COLOR " + command, "/dev/null"], check: false)
    #expect(tty.stdout.contains("\u{1B}[1;33mwarning\u{1B}[0m"), "\(tty.stdout)")
    let noColor = try Tools.run("script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"], check: false)
    #expect(noColor.stdout.contains("warning [store.timeout]") && !noColor.stdout.contains("\u{1B}["), "\(noColor.stdout)")
}

/// Damaged inputs of every kind (truncated at many lengths, bytes flipped in their headers) give
/// diagnostics, never a crash.
@Test func damagedInputsNeverCrash() throws {
    let w = try Workspace.get()
    let dir = try Tools.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try load(w.bcd), vhdStore = try load(w.vhdBCD)
    var generator = SplitMix(seed: 42)
    for (name, source) in [("boot.wim", w.wim), ("boot.sdi", w.sdi), ("win.vhd", w.vhdDiff), ("win.vhd", w.vhdx), ("boot.wim", w.wimLZMS)] {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        var variants: [[UInt8]] = [[], Array(original.prefix(1))]
        for _ in 0..<6 { variants.append(Array(original.prefix(Int(generator.next() % UInt64(original.count))))) }
        for _ in 0..<10 {
            var copy = original
            for _ in 0..<16 {
                let limit = min(copy.count, 1 << 20)
                let at = generator.next() % 4 == 0 ? copy.count - 1 - Int(generator.next() % UInt64(min(copy.count, 4096))) : Int(generator.next() % UInt64(limit))
                copy[at] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            }
            variants.append(copy)
        }
        for (i, bytes) in variants.enumerated() {
            let path = dir.appendingPathComponent("\(i)-\(name)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var files = w.goodFiles + [ServedFile(name: "bootmgfw.efi", path: w.bootmgr)]
            files.removeAll { $0.name == name }
            files.append(ServedFile(name: name, path: path))
            let found = check(store: name == "win.vhd" ? vhdStore : store, files: files, options: CheckOptions(storeName: "BCD"))
            if i < 2 { #expect(found.contains { $0.severity == .error }, "\(name) of \(bytes.count) bytes: \(found.map(\.rule))") }
        }
    }
}


/// `--dir`: its files are served under their own names, and a `vhd=` path is found under it by
/// its components in any case; a missing one is reported.
@Test func directoryServesFilesAndFindsVHDs() throws {
    let w = try Workspace.get()
    let dir = try Tools.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(atPath: w.bootmgr, toPath: dir.appendingPathComponent("bootmgfw.efi").path)
    let store = dir.appendingPathComponent("BCD").path
    try FileManager.default.copyItem(atPath: w.vhdBCD, toPath: store)
    let missing = try Tools.run(Tools.bcd, ["check", store, "--dir", dir.path], check: false)
    #expect(missing.status == 2 && missing.stdout.contains("[vhd.file-missing]"), "\(missing.stdout)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("VHD"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: w.vhdFixed, toPath: dir.appendingPathComponent("VHD/Win.VHD").path)
    let found = try Tools.run(Tools.bcd, ["check", store, "--dir", dir.path], check: false)
    #expect(found.status == 0, "\(found.stdout)")
    #expect(found.stdout.contains("note [vhd.type]") && found.stdout.contains("fixed VHD"), "\(found.stdout)")
}
