import Testing
import Foundation
@testable import BCDBoot

/// A BIOS invocation with recognisable paths.
private func biosInvocation(_ boot: QemuInvocation.Boot, card: BiosNetworkCard? = BiosNetworkCard(device: "e1000", romFile: "/roms/pxe-e1000.rom"))
    -> QemuInvocation {
    var invocation = QemuInvocation(firmware: Firmware(platform: .bios, code: "/fw/bios-256k.bin"), nvram: "/s/vars.fd",
                                    memory: 512, acceleration: .tcg, boot: boot, display: .none,
                                    serialLog: "/s/serial.log", qmpSocket: "/s/qmp.sock", timeLimit: 60)
    invocation.biosNetworkCard = card
    return invocation
}

private func values(of option: String, in arguments: [String]) -> [String] {
    zip(arguments, arguments.dropFirst()).filter { $0.0 == option }.map(\.1)
}

@Test func biosDiskBootIsThisCommandLine() {
    #expect(biosInvocation(.disk(image: "/s/disk.img")).arguments == [
        "-machine", "pc", "-m", "512", "-no-reboot", "-no-shutdown", "-S",
        "-bios", "/fw/bios-256k.bin",
        "-qmp", "unix:/s/qmp.sock,server=on,wait=off", "-monitor", "none",
        "-accel", "tcg",
        "-chardev", "file,id=ser0,path=/s/serial.log", "-serial", "chardev:ser0", "-display", "none",
        "-nic", "none", "-drive", "file=/s/disk.img,format=raw,if=none,id=d0",
        "-device", "ide-hd,drive=d0,bootindex=1",
    ])
}

@Test func biosNetworkBootUsesTheCardsIpxeBiosROMOverTFTP() {
    let args = biosInvocation(.network(tftpRoot: "/s/tftp", bootFile: "boot.ipxe")).arguments
    #expect(values(of: "-netdev", in: args) == ["user,id=n0,tftp=/s/tftp,bootfile=boot.ipxe"])
    #expect(values(of: "-device", in: args) == ["e1000,netdev=n0,romfile=/roms/pxe-e1000.rom,bootindex=1"])
    // No flash chips, no NVRAM, no disk.
    #expect(!args.contains("-drive") && !args.contains { $0.contains("pflash") || $0.contains("vars.fd") })
    #expect(values(of: "-machine", in: args) == ["pc"] && values(of: "-bios", in: args) == ["/fw/bios-256k.bin"])
}

@Test func biosHttpBootGivesTheURLAsBootFileWithoutTFTP() {
    let args = biosInvocation(.http(bootURL: "http://10.0.2.2:4000/boot.ipxe"),
                              card: BiosNetworkCard(device: "rtl8139", romFile: "/r/pxe-rtl8139.rom")).arguments
    #expect(values(of: "-netdev", in: args) == ["user,id=n0,bootfile=http://10.0.2.2:4000/boot.ipxe"])
    #expect(values(of: "-device", in: args) == ["rtl8139,netdev=n0,romfile=/r/pxe-rtl8139.rom,bootindex=1"])
}

@Test func theBiosCardIsTheFirstWhoseROMExists() {
    #expect(Firmware.biosNetworkCard(in: "/r", exists: { _ in true }) == BiosNetworkCard(device: "e1000", romFile: "/r/pxe-e1000.rom"))
    #expect(Firmware.biosNetworkCard(in: "/r", exists: { $0 == "/r/pxe-rtl8139.rom" })
        == BiosNetworkCard(device: "rtl8139", romFile: "/r/pxe-rtl8139.rom"))
    #expect(Firmware.biosNetworkCard(in: "/r", exists: { _ in false }) == nil)
    #expect(throws: BootFailure.self) { try Firmware.requireBiosNetworkCard(in: "/nonexistent-rom-directory") }
}

@Test func seabiosHasNoVariableStoreAndNamesItsPackageWhenMissing() throws {
    #expect(Firmware.seabios.platform == .bios && Firmware.seabios.code == "/usr/share/seabios/bios-256k.bin")
    let missing = Firmware(platform: .bios, code: "/nonexistent/bios.bin")
    do {
        try missing.requireReadable()
        Issue.record("a missing SeaBIOS image was accepted")
    } catch let failure as BootFailure {
        #expect(failure.message.contains("seabios") && failure.message.contains("/nonexistent/bios.bin"))
    }
    // makeNvram is a no-op: nothing is created at the path.
    let path = "/tmp/bcd-bios-nvram-\(UInt32.random(in: 0...UInt32.max))"
    try missing.makeNvram(at: path)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(Firmware.ovmf.platform == .uefi)
}
