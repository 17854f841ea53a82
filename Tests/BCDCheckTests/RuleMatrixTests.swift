import BCDCheck
import BCDKit
import Foundation
import Testing

/// One case of the matrix: a store edit (a `bcd batch` script on the correct store), supplied
/// files that differ from the correct set, options — and exactly the rules it must trigger.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var script: String = ""
    var vhdStore = false
    /// Supplied file replacements: name -> a Workspace property key (see `resolve`), or "-" to drop.
    var files: [String: String] = [:]
    var firmware: CheckOptions.Firmware = .uefi
    var index: Int? = nil
    var storeName = "BCD"
    /// The guest memory set by hand (`--memory`), MiB.
    var memory: Int? = nil
    /// `--secure-boot`: the boot runs with Secure Boot on.
    var secureBoot = false
    var expected: [String]

    var testDescription: String { name }
}

let L = Workspace.loader
let V = Workspace.vhdLoader

/// Broken cases: each triggers exactly its rule(s).
let brokenCases: [RuleCase] = [
    // 1. Store
    RuleCase(name: "no {bootmgr}", script: "delete {bootmgr} --f", expected: ["store.bootmgr-missing"]),
    RuleCase(name: "nothing to boot", script: "deletevalue {bootmgr} displayorder\ndeletevalue {bootmgr} default", expected: ["store.nothing-to-boot"]),
    RuleCase(name: "default names a missing object", script: "set {bootmgr} default {11111111-2222-3333-4444-555555555555}", expected: ["store.default-missing"]),
    RuleCase(name: "default names a device object", script: "set {bootmgr} default {ramdiskoptions}", expected: ["store.default-type"]),
    RuleCase(name: "default not in displayorder", script: "create {memdiag} --d Memtest\nset {bootmgr} displayorder {memdiag}",
             expected: ["store.default-not-in-displayorder"]),
    RuleCase(name: "toolsdisplayorder names a missing object", script: "set {bootmgr} toolsdisplayorder {11111111-2222-3333-4444-555555555555}", expected: ["store.reference-missing"]),
    RuleCase(name: "toolsdisplayorder names a device object", script: "set {bootmgr} toolsdisplayorder {ramdiskoptions}", expected: ["store.reference-type"]),
    RuleCase(name: "timeout of two hours", script: "timeout 7200", expected: ["store.timeout"]),
    RuleCase(name: "OS loader without systemroot", script: "deletevalue \(L) systemroot", expected: ["store.element-missing"]),
    RuleCase(name: "OS loader without path", script: "deletevalue \(L) path", expected: ["store.path-default"]),
    // 2. Ramdisk
    RuleCase(name: "device and osdevice differ", script: "set \(L) osdevice ramdisk=[boot]\\Boot\\other.wim,{ramdiskoptions}", expected: ["ramdisk.device-mismatch"]),
    RuleCase(name: "ramdisk options not in the store", script: "delete {ramdiskoptions} --f", expected: ["ramdisk.options-missing"]),
    RuleCase(name: "ramdisk options are an OS loader",
             script: "set \(L) device ramdisk=[boot]\\Boot\\boot.wim,\(L)\nset \(L) osdevice ramdisk=[boot]\\Boot\\boot.wim,\(L)", expected: ["ramdisk.options-type"]),
    RuleCase(name: "ramdisk options without sdi path", script: "deletevalue {ramdiskoptions} ramdisksdipath", expected: ["ramdisk.sdi-missing"]),
    RuleCase(name: "winpe not set", script: "set \(L) winpe no", expected: ["ramdisk.winpe-unset"]),
    RuleCase(name: "store not served as BCD", files: ["BCD": "-", "store.bcd": "bcd"], storeName: "store.bcd", expected: ["ramdisk.store-name", "wim.inject"]),   // store.bcd is a loose file: injected
    RuleCase(name: "WIM outside the nine directories",
             script: "set \(L) device ramdisk=[boot]\\Image\\boot.wim,{ramdiskoptions}\nset \(L) osdevice ramdisk=[boot]\\Image\\boot.wim,{ramdiskoptions}", expected: ["ramdisk.path-outside"]),
    RuleCase(name: "SDI path names a file not supplied", script: "set {ramdiskoptions} ramdisksdipath \\Boot\\other.sdi", expected: ["ramdisk.file-missing"]),
    // 3. Files
    RuleCase(name: "two files named boot.sdi", files: ["BOOT.SDI": "sdi"], expected: ["files.duplicate-name"]),
    RuleCase(name: "missing file", files: ["extra.txt": "/nonexistent/extra.txt"], expected: ["files.unreadable"]),
    RuleCase(name: "directory instead of a file", files: ["extra.txt": "/tmp"], expected: ["files.unreadable"]),
    RuleCase(name: "file over 4 GiB - 1", files: ["big.bin": "big"], expected: ["files.too-large", "wim.inject-refused"]),   // the WIM with it would pass 4 GiB
    RuleCase(name: "a file named like a virtual directory", files: ["Sources": "bootmgr"], expected: ["files.virtual-disk", "wim.inject"]),
    RuleCase(name: "a file name FAT forbids", files: ["a:b.txt": "bootmgr"], expected: ["files.virtual-disk", "wim.inject-refused"]),   // ':' is no WIM name either
    RuleCase(name: "a loose file goes into the WIM", files: ["startnet.cmd": "bootmgr"], expected: ["wim.inject"]),
    RuleCase(name: "a loose file replaces the image's own", files: ["winpeshl.ini": "bootmgr"], expected: ["wim.inject", "wim.inject-replaces"]),
    RuleCase(name: "an injected startnet.cmd a winpeshl.ini never runs", files: ["startnet.cmd": "bootmgr", "winpeshl.ini": "winpeshlOther"],
             expected: ["wim.inject", "wim.inject-replaces", "wim.inject-unused"]),
    RuleCase(name: "an injected startnet.cmd a winpeshl.ini runs", files: ["startnet.cmd": "bootmgr", "winpeshl.ini": "winpeshlStartnet"],
             expected: ["wim.inject", "wim.inject-replaces"]),
    RuleCase(name: "guest memory set too small for the files", memory: 256, expected: ["files.memory"]),
    RuleCase(name: "corrupt SDI", files: ["boot.sdi": "sdiCorrupt"], expected: ["sdi.invalid"]),
    RuleCase(name: "SDI PART type not NTFS", files: ["boot.sdi": "sdiOddPart"], expected: ["sdi.unusual"]),
    RuleCase(name: "not a WIM", files: ["boot.wim": "notAWIM", "bootmgfw.efi": "bootmgr"], expected: ["wim.unreadable"]),
    RuleCase(name: "truncated WIM", files: ["boot.wim": "truncatedWIM", "bootmgfw.efi": "bootmgr"], expected: ["wim.unreadable"]),
    RuleCase(name: "WIM without boot index", files: ["boot.wim": "wimNoBoot"], expected: ["wim.no-image"]),
    RuleCase(name: "--index beyond the images", index: 3, expected: ["wim.no-image"]),
    RuleCase(name: "OS loader path not in the image", script: "set \(L) path \\Windows\\System32\\boot\\winload2.efi", expected: ["wim.osloader-missing"]),
    RuleCase(name: "BIOS: winload.exe not in a UEFI-only image", script: "set \(L) path \\Windows\\System32\\boot\\winload.exe", files: ["bootmgr.exe": "bootmgr"], firmware: .bios, expected: ["wim.osloader-missing"]),
    RuleCase(name: "systemroot not in the image", script: "set \(L) systemroot \\WinNT", expected: ["wim.systemroot-missing"]),
    RuleCase(name: "LZMS WIM and the boot manager must come from it", files: ["boot.wim": "wimLZMS"], expected: ["wim.unsupported"]),
    RuleCase(name: "solid WIM and the boot manager must come from it", files: ["boot.wim": "wimSolid"], expected: ["wim.unsupported"]),
    RuleCase(name: "BIOS: the WIM's boot.sdi is the EFI one, not DVD\\PCAT's", files: ["boot.wim": "wimWithSdi", "boot.sdi": "-", "bootmgr.exe": "bootmgr"],
             firmware: .bios, expected: ["ramdisk.file-missing"]),
    RuleCase(name: "UEFI: the WIM's boot.sdi is DVD\\PCAT's, not the EFI one", files: ["boot.wim": "wimWithPcatSdi", "boot.sdi": "-"], expected: ["ramdisk.file-missing"]),
    RuleCase(name: "LZMS WIM and boot.sdi must come from it", files: ["boot.wim": "wimWithSdiLZMS", "boot.sdi": "-", "bootmgfw.efi": "bootmgr"], expected: ["wim.unsupported"]),
    RuleCase(name: "ARM64 image for x64 UEFI", files: ["boot.wim": "wimARM64"], expected: ["wim.architecture"]),
    RuleCase(name: "no boot manager anywhere", files: ["boot.wim": "wimNoBootmgr"], expected: ["bootmgr.missing"]),
    RuleCase(name: "WIM with bootmgfw_EX.efi and bootmgfw.efi: which starts is said", files: ["boot.wim": "wimBothBootmgrs"], expected: ["bootmgr.choice"]),
    RuleCase(name: "bootmgfw.efi supplied, bootmgfw_EX.efi in the WIM: tried first", files: ["boot.wim": "wimOnlyEX", "bootmgfw.efi": "bootmgr"], expected: ["bootmgr.choice"]),
    RuleCase(name: "a signed boot manager: its signer is said", files: ["bootmgfw.efi": "signed2011"], expected: ["bootmgr.signer"]),
    RuleCase(name: "Secure Boot with only a PCA 2011-signed boot manager", files: ["bootmgfw.efi": "signed2011"], secureBoot: true,
             expected: ["bootmgr.signer", "bootmgr.secure-boot-2011"]),
    // 4. VHD
    RuleCase(name: "VHD not supplied", vhdStore: true, files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr"], expected: ["vhd.file-missing"]),
    RuleCase(name: "VHD header invalid", vhdStore: true, files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr", "win.vhd": "sdi"], expected: ["vhd.invalid"]),
    RuleCase(name: "VHDX with both headers damaged (CRC-32C)", vhdStore: true, files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr", "win.vhd": "vhdxDamaged"], expected: ["vhd.invalid"]),
    RuleCase(name: "differencing VHD without its parent", vhdStore: true,
             files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr", "win.vhd": "vhdDiff"], expected: ["vhd.type", "vhd.parent-missing"]),
]

/// Correct variants: each triggers nothing (a VHD entry shows only its type, a note).
let correctCases: [RuleCase] = [
    RuleCase(name: "the correct setup", expected: []),
    RuleCase(name: "guest memory set by hand, enough for the files", memory: 2048, expected: []),
    RuleCase(name: "no default, one displayorder entry (the README store)", script: "deletevalue {bootmgr} default", expected: []),
    RuleCase(name: "UEFI: winload.exe path is patched to .efi", script: "set \(L) path \\Windows\\System32\\boot\\winload.exe", expected: []),
    RuleCase(name: "paths in other directories and any case", script: "set {ramdiskoptions} ramdisksdipath \\EFI\\Microsoft\\Boot\\BOOT.SDI\nset \(L) device ramdisk=[boot]\\sources\\Boot.Wim,{ramdiskoptions}\nset \(L) osdevice ramdisk=[boot]\\sources\\Boot.Wim,{ramdiskoptions}", expected: []),
    RuleCase(name: "paths inside the WIM in any case", script: "set \(L) path \\WINDOWS\\system32\\BOOT\\WinLoad.EFI\nset \(L) systemroot \\windows", expected: []),
    RuleCase(name: "LZMS WIM with the boot manager supplied", files: ["boot.wim": "wimLZMS", "bootmgfw.efi": "bootmgr"], expected: []),
    RuleCase(name: "solid WIM with the boot manager supplied", files: ["boot.wim": "wimSolid", "bootmgfw.efi": "bootmgr"], expected: []),
    RuleCase(name: "WIM without boot index, --index 1", files: ["boot.wim": "wimNoBoot"], index: 1, expected: []),
    RuleCase(name: "BIOS with bootmgr.exe supplied", files: ["bootmgr.exe": "bootmgr"], firmware: .bios, expected: []),
    RuleCase(name: "BIOS with wimboot's compressed bootmgr supplied", files: ["bootmgr": "bootmgr"], firmware: .bios, expected: []),
    RuleCase(name: "boot.sdi taken from the WIM", files: ["boot.wim": "wimWithSdi", "boot.sdi": "-"], expected: []),
    RuleCase(name: "BIOS: boot.sdi taken from the WIM's DVD\\PCAT", files: ["boot.wim": "wimWithPcatSdi", "boot.sdi": "-", "bootmgr.exe": "bootmgr"],
             firmware: .bios, expected: []),
    RuleCase(name: "x64 image", files: ["boot.wim": "wimX64"], expected: []),
    RuleCase(name: "boot manager supplied, WIM without one", files: ["boot.wim": "wimNoBootmgr", "bootmgfw.efi": "bootmgr"], expected: []),
    RuleCase(name: "only bootmgfw_EX.efi in the WIM", files: ["boot.wim": "wimOnlyEX"], expected: []),
    RuleCase(name: "bootx64.efi supplied: the only boot manager, whatever the WIM holds", files: ["boot.wim": "wimBothBootmgrs", "bootx64.efi": "bootmgr"], expected: []),
    RuleCase(name: "bootmgfw_EX.efi and bootmgfw.efi supplied", files: ["bootmgfw_EX.efi": "bootmgr", "bootmgfw.efi": "bootmgr"], expected: ["bootmgr.choice"]),
    RuleCase(name: "Secure Boot with a 2023-signed bootmgfw_EX.efi beside the 2011 one", files: ["bootmgfw_EX.efi": "signed2023", "bootmgfw.efi": "signed2011"],
             secureBoot: true, expected: ["bootmgr.choice", "bootmgr.signer"]),
    RuleCase(name: "Secure Boot with an unsigned boot manager (the boot reports the refusal)", files: ["bootmgfw.efi": "bootmgr"], secureBoot: true, expected: []),
    RuleCase(name: "fixed VHD", vhdStore: true, files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr", "win.vhd": "vhdFixed"], expected: ["vhd.type"]),
    RuleCase(name: "VHDX", vhdStore: true, files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr", "win.vhd": "vhdx"], expected: ["vhd.type"]),
    RuleCase(name: "VHDX with one header damaged (the other copy is used)", vhdStore: true, files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr", "win.vhd": "vhdxOneHeaderDamaged"], expected: ["vhd.type"]),
    RuleCase(name: "differencing VHD with its parent", vhdStore: true,
             files: ["boot.wim": "-", "boot.sdi": "-", "bootmgfw.efi": "bootmgr", "win.vhd": "vhdDiff", "parent.vhd": "vhdParent"], expected: ["vhd.type"]),
]

extension Workspace {
    func resolve(_ key: String) -> String {
        switch key {
        case "bcd": return bcd
        case "sdi": return sdi
        case "sdiCorrupt": return sdiCorrupt
        case "sdiOddPart": return sdiOddPart
        case "notAWIM": return notAWIM
        case "truncatedWIM": return truncatedWIM
        case "wimNoBoot": return wimNoBoot
        case "wimWithSdi": return wimWithSdi
        case "wimWithPcatSdi": return wimWithPcatSdi
        case "wimWithSdiLZMS": return wimWithSdiLZMS
        case "wimLZMS": return wimLZMS
        case "wimSolid": return wimSolid
        case "wimARM64": return wimARM64
        case "wimX64": return wimX64
        case "wimNoBootmgr": return wimNoBootmgr
        case "wimBothBootmgrs": return wimBothBootmgrs
        case "wimOnlyEX": return wimOnlyEX
        case "bootmgr": return bootmgr
        // Stand-ins signed by test CAs named like Microsoft's (built on first use: make, sbsign).
        case "signed2011": return (try? AuthenticodeSignerTests.Images.shared.get())?.leaf2011 ?? "/nonexistent/signed2011.efi"
        case "signed2023": return (try? AuthenticodeSignerTests.Images.shared.get())?.signed2023 ?? "/nonexistent/signed2023.efi"
        case "big": return big
        case "winpeshlOther": return winpeshlOther
        case "winpeshlStartnet": return winpeshlStartnet
        case "vhdFixed": return vhdFixed
        case "vhdx": return vhdx
        case "vhdxOneHeaderDamaged": return vhdxOneHeaderDamaged
        case "vhdxDamaged": return vhdxDamaged
        case "vhdDiff": return vhdDiff
        case "vhdParent": return vhdParent
        default: return key
        }
    }

    func run(_ c: RuleCase) throws -> [Diagnostic] {
        let base = c.vhdStore ? vhdBCD : bcd
        let storePath = c.script.isEmpty ? base : try variant(of: base, c.script)
        var files = goodFiles
        files[0].path = storePath
        for (name, key) in c.files.sorted(by: { $0.key < $1.key }) {
            if key == "-" { files.removeAll { $0.name == name }; continue }
            if let i = files.firstIndex(where: { $0.name == name }) { files[i].path = resolve(key) } else { files.append(ServedFile(name: name, path: resolve(key))) }
        }
        let options = CheckOptions(firmware: c.firmware, imageIndex: c.index, storeName: c.storeName, memory: c.memory, secureBoot: c.secureBoot)
        return check(store: try load(storePath), files: files, options: options)
    }
}

@Suite struct RuleMatrixTests {
    @Test(arguments: brokenCases + correctCases)
    func triggersExactly(_ c: RuleCase) throws {
        let found = try Workspace.get().run(c)
        var ids: [String] = []
        for d in found where !ids.contains(d.rule) { ids.append(d.rule) }
        #expect(ids.sorted() == c.expected.sorted(), "\(c.name): \(found.map { "\($0.rule): \($0.message)" })")
        for d in found {
            #expect(!d.message.isEmpty)
            #expect(d.severity == .note || d.fix != nil, "\(d.rule) has no fix")
        }
    }

    @Test func everyRuleHasABrokenCase() {
        let covered = Set(brokenCases.flatMap(\.expected))
        // store.unknown-type is covered by an in-memory store below; store.unreadable by the CLI tests.
        let elsewhere: Set<String> = ["store.unknown-type", "store.unreadable"]
        for rule in Rules.all where !covered.contains(rule.id) && !elsewhere.contains(rule.id) {
            Issue.record("rule \(rule.id) has no broken case")
        }
        #expect(Set(Rules.all.map(\.id)).count == Rules.all.count, "rule ids are unique")
    }

    @Test func unknownObjectTypeIsANote() throws {
        var store = try load(Workspace.get().bcd)
        let odd = BCDGUID("{22222222-3333-4444-5555-666666666666}")!
        store.add(BCDObject(id: odd, type: ObjectType(rawValue: 0x5000_0001)))
        let found = check(store: store, files: try Workspace.get().goodFiles, options: CheckOptions(storeName: "BCD"))
        #expect(found.map(\.rule) == ["store.unknown-type"])
        #expect(found.first?.severity == .note)
        #expect(found.first?.object == odd)
    }

    @Test func pathOutsideNamesWorkingPaths() throws {
        let c = brokenCases.first { $0.expected == ["ramdisk.path-outside"] }!
        let found = try Workspace.get().run(c)
        let fix = found.first?.fix ?? ""
        #expect(fix.contains("\\Boot\\boot.wim") && fix.contains("\\sources\\boot.wim".replacingOccurrences(of: "sources", with: "Sources")))
        #expect(found.first?.object == BCDGUID(L) && found.first?.element == ElementIDs.device)
    }

    @Test func storeChecksWithoutFiles() throws {
        // Without supplied files only the store is checked: the correct store is clean.
        let found = check(store: try load(Workspace.get().bcd), files: [], options: CheckOptions())
        #expect(found.isEmpty, "\(found.map(\.message))")
    }
}

@Test func docsListEveryRule() throws {
    let docs = try String(contentsOf: Tools.repositoryRoot.appendingPathComponent("docs/check.md"), encoding: .utf8)
    for rule in Rules.all {
        #expect(docs.contains("| `\(rule.id)` | \(rule.severity.rawValue) |"), "docs/check.md lacks \(rule.id) (\(rule.severity))")
    }
}
