import BCDKit
import Testing
@testable import BCDBoot

/// The tail of a stand-in run whose store points ramdisksdipath at \Image\boot.sdi (as
/// scripts/test.d/51-loader-follow.sh boots it): the imitation error screen on COM1, then the
/// same screen again through the firmware's console, then `STANDIN done`.
private let followRun = """
    LOADER starting boot manager bootmgfw.efi\r
    STANDIN start (STAND-IN boot manager, not Microsoft's)\r
    STANDIN file \\Boot\\BCD size=61440 crc32=fc726be9\r
    STANDIN disk blocks=163406 crc32=56050721\r
    STANDIN entry {a4f89c62-2142-11e6-80b6-00155da04110} device=ramdisk wim=\\Boot\\boot.wim sdi=\\Image\\boot.sdi\r
    STANDIN follow \\Boot\\boot.wim found\r
    STANDIN follow \\Image\\boot.sdi missing\r
    STANDIN imitates the Windows Boot Manager error screen (STAND-IN, not Microsoft's):\r
    File: \\Image\\boot.sdi\r
    Status: 0xc000000f\r
    Info: A required file is missing or contains errors.\r
    \r
    \u{1B}[01;01HSTAND-IN imitation of the Windows Boot Manager error screen (not Microsoft's)\r
    File: \\Image\\boot.sdi\r
    Status: 0xc000000f\r
    Info: A required file is missing or contains errors.\r
    \r
    STANDIN done\r

    """

@Test func standinErrorScreenIsParsedAndClassified() throws {
    let screen = try #require(BootManagerErrorScreen.parse(followRun))
    #expect(screen == BootManagerErrorScreen(file: "\\Image\\boot.sdi", status: 0xC000_000F,
                                             info: "A required file is missing or contains errors."))
    #expect(SerialLog.isFinal(followRun))
    let o = SerialLog.classify(followRun, expected: [], timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.exitStatus == 2)
    #expect(o.headline == "FAILED: the boot manager (STAND-IN imitation) stopped with 0xc000000f STATUS_NO_SUCH_FILE, File \\Image\\boot.sdi")
    #expect(o.bootManagerError == screen)
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
