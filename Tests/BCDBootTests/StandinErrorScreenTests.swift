import BCDKit
import Testing
@testable import BCDBoot

/// The tail of a stand-in run whose store points ramdisksdipath at \Image\boot.sdi (as
/// scripts/test.d/51-loader-follow.sh boots it): the report on COM1, `STANDIN done`, then the
/// imitation error screen drawn through the firmware's console, which OVMF sends as cursor
/// addressing and colours, the way it sends the real boot manager's screen.
private let followRun = """
    LOADER starting boot manager bootmgfw.efi\r
    STANDIN start (STAND-IN boot manager, not Microsoft's)\r
    STANDIN file \\Boot\\BCD size=61440 crc32=fc726be9\r
    STANDIN disk blocks=163406 crc32=56050721\r
    STANDIN entry {a4f89c62-2142-11e6-80b6-00155da04110} device=ramdisk wim=\\Boot\\boot.wim sdi=\\Image\\boot.sdi\r
    STANDIN follow \\Boot\\boot.wim found\r
    STANDIN follow \\Image\\boot.sdi missing\r
    STANDIN imitates the Windows Boot Manager error screen (STAND-IN, not Microsoft's)\r
    STANDIN done\r
    \u{1B}[0m\u{1B}[37m\u{1B}[40m\u{1B}[2J\u{1B}[01;01H\u{1B}[0m\u{1B}[30m\u{1B}[47m\u{1B}[01;01H\(String(repeating: " ", count: 79))\
    \u{1B}[01;11HWindows Boot Manager (STAND-IN imitation, not Microsoft's)\u{1B}[0m\u{1B}[37m\u{1B}[40m\
    \u{1B}[03;01HThe STAND-IN boot manager, a test program, stopped where the Windows Boot\
    \u{1B}[04;01HManager would, with the status it would show.\
    \u{1B}[13;05HFile: \u{1B}[1m\u{1B}[37m\u{1B}[40m\u{1B}[13;11H\\Image\\boot.sdi\u{1B}[0m\u{1B}[37m\u{1B}[40m\
    \u{1B}[15;05HStatus: \u{1B}[1m\u{1B}[37m\u{1B}[40m\u{1B}[15;13H0xc000000f\u{1B}[0m\u{1B}[37m\u{1B}[40m\
    \u{1B}[17;05HInfo: \u{1B}[1m\u{1B}[37m\u{1B}[40m\u{1B}[17;11HA required file is missing or contains errors.\
    \u{1B}[0m\u{1B}[30m\u{1B}[47m\u{1B}[25;01H\(String(repeating: " ", count: 79))\u{1B}[25;01H ENTER=OS Selection\
    \u{1B}[25;53HESC=UEFI Firmware Settings \u{1B}[0m\u{1B}[37m\u{1B}[40m
    """

@Test func standinErrorScreenIsParsedAndClassified() throws {
    let screen = try #require(BootManagerErrorScreen.parse(followRun))
    #expect(screen == BootManagerErrorScreen(file: "\\Image\\boot.sdi", status: 0xC000_000F,
                                             info: "A required file is missing or contains errors.",
                                             keys: ["ENTER=OS Selection", "ESC=UEFI Firmware Settings"]))
    #expect(SerialLog.isFinal(followRun))
    // Before the footer is drawn the screen is not final yet (the stand-in has said it imitates one).
    let unfinished = String(followRun[..<followRun.range(of: "\u{1B}[25;01H")!.lowerBound])
    #expect(!SerialLog.isFinal(unfinished))
    let o = SerialLog.classify(followRun, expected: [], timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.exitStatus == 2)
    #expect(o.headline == "FAILED: the boot manager (STAND-IN imitation) stopped with 0xc000000f STATUS_NO_SUCH_FILE, File \\Image\\boot.sdi")
    #expect(o.bootManagerError == screen)
    #expect(o.screen.count == 25)
    #expect(o.screen.contains("    Status: 0xc000000f"))
    #expect(o.text.contains("  |     File: \\Image\\boot.sdi\n"))
    #expect(o.details.first == "Windows Boot Manager error: Status 0xc000000f, File \\Image\\boot.sdi, Info: A required file is missing or contains errors.")
    #expect(o.details.contains { $0.contains("{ramdiskoptions} object's ramdisksdidevice/ramdisksdipath") })
}

@Test func standinErrorScreenPointsAtTheStoresSdiPath() throws {
    let entry = try #require(BCDGUID("a4f89c62-2142-11e6-80b6-00155da04110"))
    var loader = BCDObject(id: entry, type: .osLoader)
    loader.set(ElementIDs.systemRoot, .string("\\Windows"))
    var options = BCDObject(id: ObjectNames.ramdiskOptions, type: .device)
    options.set(ElementIDs.ramdiskSdiPath, .string("\\Image\\boot.sdi"))
    var manager = BCDObject(id: ObjectNames.bootManager, type: .bootManager)
    manager.set(ElementIDs.displayOrder, .objectList([entry]))
    let store = BCDStore(objects: [manager, loader, options])

    let screen = try #require(BootManagerErrorScreen.parse(followRun))
    #expect(StoreHints.lines(for: screen.status, in: store).contains("{ramdiskoptions} ramdisksdipath \\Image\\boot.sdi"))
}
