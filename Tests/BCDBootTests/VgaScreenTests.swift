import Foundation
import Testing
@testable import BCDBoot

/// 80x25 VGA text memory with `rows` written from the top (grey on black).
private func vga(_ rows: [String]) -> ConsoleScreen {
    var bytes = [UInt8](repeating: 0, count: 4000)
    for (r, text) in rows.enumerated() {
        for (c, byte) in text.utf8.prefix(80).enumerated() { bytes[2 * (r * 80 + c)] = byte; bytes[2 * (r * 80 + c) + 1] = 0x07 }
    }
    return ConsoleScreen(vgaText: bytes)
}

private let quietSerial = BootOutcome(kind: .timeout, headline: "TIMEOUT: no outcome within 60 s")

@Test func theRealBiosErrorScreenEndsTheBootAndIsTheOutcome() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let data = try Data(contentsOf: root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/screens/bios-bootmgr-winload-0xc000007b.vga"))
    let screen = ConsoleScreen(vgaText: [UInt8](data))
    #expect(VgaScreen.isFinal(screen))
    let o = VgaScreen.outcome(screen, serial: quietSerial, standIn: false)
    #expect(o.kind == .bootError)
    #expect(o.headline.hasPrefix("FAILED: the Windows Boot Manager stopped with 0xc000007b"))
    #expect(o.headline.hasSuffix(", File \\windows\\system32\\boot\\winload.exe"))
    #expect(o.screen.contains { $0.contains("Windows Boot Manager") })
}

@Test func aFailedBiosIpxeFetchOnTheScreenIsTheOutcome() {
    let screen = vga(["iPXE 1.0.0", "boot.wim... No such file or directory", "bcd: could not fetch boot.wim", "<INITRD> : 10 bytes"])
    #expect(VgaScreen.isFinal(screen))
    let o = VgaScreen.outcome(screen, serial: quietSerial, standIn: false)
    #expect(o.kind == .bootError && o.headline == "FAILED: iPXE could not fetch boot.wim")
}

@Test func syslinuxAndSeaBiosGivingUpAreFinalAndSaidSo() {
    let aborted = vga(["SYSLINUX 6.04", "Loading loader.lkrn... failed: File not found", "linux.c32: Boot aborted!"])
    #expect(VgaScreen.isFinal(aborted))
    #expect(VgaScreen.outcome(aborted, serial: quietSerial, standIn: false).headline == "FAILED: SYSLINUX could not start the loader (see the screen)")
    let nothing = vga(["SeaBIOS", "Booting from Hard Disk...", "No bootable device."])
    let o = VgaScreen.outcome(nothing, serial: quietSerial, standIn: false)
    #expect(o.kind == .bootError && o.headline == "FAILED: the BIOS found nothing to boot (see the screen)")
    #expect(o.screen.count == 3)
}

@Test func aScreenStillBootingIsNotFinalAndKeepsTheSerialVerdict() {
    let booting = vga(["SeaBIOS", "iPXE initialising devices...ok", "tftp://10.0.2.2/boot.ipxe... ok"])
    #expect(!VgaScreen.isFinal(booting))
    let o = VgaScreen.outcome(booting, serial: quietSerial, standIn: false)
    #expect(o.kind == .timeout && o.headline == quietSerial.headline)
    #expect(o.screen.last == "tftp://10.0.2.2/boot.ipxe... ok")   // the report shows where it was
}
