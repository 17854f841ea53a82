import BCDBoot
import BCDCheck
import BCDKit
import Foundation
import TestSupport
import Testing
@testable import BCDEditor

/// `F` (issue 13): the firmware the disk boot keys use, UEFI or BIOS; the diagnostics follow it.
@Suite("Editor: the firmware key") struct FirmwareKeyTests {
    @Test func fSwitchesTheDiskBootsToBiosAndBack() throws {
        var state = try EditorFixtures.state()
        #expect(state.bootFirmware == .uefi)
        _ = state.diagnostics
        state.press(.character("F"))
        #expect(state.bootFirmware == .bios)
        #expect(state.message?.text.hasPrefix("firmware: BIOS (SeaBIOS, loader.lkrn from a SYSLINUX disk") == true)
        _ = state.diagnostics
        let message = state.message
        state.message = nil   // the status line shows the summary when there is no message
        #expect(state.render().contains("· b test boot (BIOS)"))
        state.message = message
        state.press(.character("b"))
        #expect(state.bootRequest == BootKeyRequest(force: false, platform: .bios))
        #expect(state.message?.text.hasPrefix("test boot (BIOS): ") == true)
        state.bootRequest = nil
        state.press(.character("B"))
        #expect(state.bootRequest == BootKeyRequest(force: false, onConsole: true, platform: .bios))
        // N stays UEFI (iPXE over HTTP).
        state.bootRequest = nil
        state.press(.character("N"))
        #expect(state.bootRequest == BootKeyRequest(force: false, mode: .http))
        state.press(.character("F"))
        #expect(state.bootFirmware == .uefi && state.message?.text.hasPrefix("firmware: UEFI (OVMF, loader.efi)") == true)
        state.message = nil
        #expect(!state.render().contains("(BIOS)"))
    }

    @Test func theDiagnosticsUseTheFirmwaresRules() throws {
        var state = try EditorFixtures.state()
        // One attached file, no boot manager among them: the file rules run and find none.
        let folder = URL(fileURLWithPath: state.file.path).deletingLastPathComponent().path
        try Data("sdi".utf8).write(to: URL(fileURLWithPath: folder + "/boot.sdi"))
        state.attachedFiles = [ServedFile(name: "boot.sdi", path: folder + "/boot.sdi")]
        let uefi = state.diagnostics.filter { $0.rule == "bootmgr.missing" }.map(\.message)
        state.press(.character("F"))
        let bios = state.diagnostics.filter { $0.rule == "bootmgr.missing" }.map(\.message)
        #expect(uefi.contains { $0.contains("bootmgfw.efi") })
        #expect(bios.contains { $0.contains("bootmgr.exe") } && !bios.contains { $0.contains("bootmgfw.efi") })
        #expect(state.currentDiagnostics != nil)   // cached for the firmware now shown
    }

    @Test func biosBootsAskForNoSecureBootEvenWithKeys() throws {
        var state = try EditorFixtures.state()
        let folder = URL(fileURLWithPath: state.file.path).deletingLastPathComponent().path
        _ = try LoaderSigning.makeKeys(in: folder + "/keys")
        #expect(state.secureBoot == .ms2011)
        state.press(.character("F"))
        #expect(state.secureBoot == nil)
        state.press(.character("b"))
        #expect(state.bootRequest == BootKeyRequest(force: false, platform: .bios))
        #expect(state.message?.text.contains("secure boot") == false)
    }

    @Test func theAttachedFilesPaneNamesTheBiosBootManager() throws {
        var state = try EditorFixtures.state()
        let folder = URL(fileURLWithPath: state.file.path).deletingLastPathComponent().path
        try Data("MZ".utf8).write(to: URL(fileURLWithPath: folder + "/bootmgr"))
        state.attachedFiles = [ServedFile(name: "bootmgr", path: folder + "/bootmgr")]
        state.press(.character("F"))
        #expect(state.bootManagerPlan.summary == "bootmgr.exe starts (extracted from the supplied bootmgr; BIOS: no Secure Boot, no choice)")
        try Data("MZ".utf8).write(to: URL(fileURLWithPath: folder + "/bm.exe"))
        state.attachedFiles.append(ServedFile(name: "bootmgr.exe", path: folder + "/bm.exe"))
        #expect(state.bootManagerPlan.summary == "bootmgr.exe starts (supplied; BIOS: no Secure Boot, no choice)")
        state.attachedFiles = []
        try Data("sdi".utf8).write(to: URL(fileURLWithPath: folder + "/boot.sdi"))
        state.attachedFiles = [ServedFile(name: "boot.sdi", path: folder + "/boot.sdi")]
        #expect(state.bootManagerPlan.candidates.isEmpty)
        #expect(state.bootManagerPlan.summary.contains("bootmgr.exe"))   // the check's finding, BIOS names
    }
}
