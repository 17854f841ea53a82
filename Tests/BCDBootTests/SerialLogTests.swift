import Testing
@testable import BCDBoot

private let expected = [
    ExpectedFile(name: "BCD", size: 61440, crc32: "fc726be9"),
    ExpectedFile(name: "boot.sdi", size: 8392704, crc32: "337097c3"),
    ExpectedFile(name: "boot.wim", size: 23864, crc32: "d65ea35a"),
]

private let standinRun = """
    \u{1B}[2J\u{1B}[01;01HLOADER start\r
    LOADER input BCD size=61440\r
    LOADER wim boot.wim images=1 index=0\r
    LOADER bootmgr bootmgfw.efi\r
    LOADER starting boot manager bootmgfw.efi\r
    STANDIN start\r
    STANDIN cmdline \r
    STANDIN file \\Boot\\BCD size=61440 crc32=fc726be9\r
    STANDIN file \\EFI\\Microsoft\\Boot\\BCD size=61440 crc32=fc726be9\r
    STANDIN file \\Boot\\boot.sdi size=8392704 crc32=337097c3\r
    STANDIN file \\Sources\\boot.wim size=23864 crc32=d65ea35a\r
    STANDIN done\r

    """

@Test func standinReportWithMatchingFilesIsSuccess() {
    let o = SerialLog.classify(standinRun, expected: expected, timedOut: false)
    #expect(o.kind == .success)
    #expect(o.exitStatus == 0)
    #expect(o.headline.hasPrefix("OK: booted"))
    #expect(o.files.map(\.name) == ["BCD", "boot.sdi", "boot.wim"])
    #expect(o.files[0].paths == ["\\Boot\\BCD", "\\EFI\\Microsoft\\Boot\\BCD"])
    #expect(o.files.allSatisfy { $0.matches == true })
    #expect(o.text.contains("STAND-IN boot manager"))
}

/// A large WIM's mirrored path is not read again (STANDIN mirror): it joins the file read whole.
@Test func mirroredLargeFileJoinsTheFileReadWhole() {
    let log = standinRun.replacingOccurrences(of: "STANDIN done\r\n", with: "STANDIN mirror \\boot.wim size=23864\r\nSTANDIN mirror \\other\\boot.wim size=5\r\nSTANDIN done\r\n")
    let o = SerialLog.classify(log, expected: expected, timedOut: false)
    #expect(o.kind == .success)
    #expect(o.files.map(\.name) == ["BCD", "boot.sdi", "boot.wim"])
    #expect(o.files[2].paths == ["\\Sources\\boot.wim", "\\boot.wim"])
}

@Test func damagedFileIsABootError() {
    let log = standinRun.replacingOccurrences(of: "size=23864 crc32=d65ea35a", with: "size=23864 crc32=00000000")
    let o = SerialLog.classify(log, expected: expected, timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.details.contains { $0.hasPrefix("MISMATCH boot.wim") })
}

@Test func suppliedFileTheBootManagerDidNotFindIsABootError() {
    let log = standinRun.replacingOccurrences(of: "STANDIN file \\Boot\\boot.sdi size=8392704 crc32=337097c3\r\n", with: "STANDIN missing \\Boot\\boot.sdi\r\n")
    let o = SerialLog.classify(log, expected: expected, timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.details.contains { $0.hasPrefix("MISSING boot.sdi") })
}

@Test func loaderErrorIsClassifiedWithAHint() {
    let log = "LOADER start\r\nloader: error: boot.wim: unusable WIM: not a WIM file (bad magic)\r\n"
    let o = SerialLog.classify(log, expected: expected, timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.exitStatus == 2)
    #expect(o.loaderError == "boot.wim: unusable WIM: not a WIM file (bad magic)")
    #expect(o.details.contains { $0.contains("the WIM is at fault") })
    #expect(SerialLog.isFinal(log))
}

@Test func timeoutSaysHowFarTheBootGot() {
    let o = SerialLog.classify("LOADER start\nLOADER starting boot manager bootmgfw.efi\n", expected: expected, timedOut: true, timeLimit: 2)
    #expect(o.kind == .timeout)
    #expect(o.exitStatus == 3)
    #expect(o.headline == "TIMEOUT: no outcome within 2 s")
    #expect(o.details.first?.contains("started the boot manager") == true)
    #expect(SerialLog.classify("", expected: [], timedOut: true).details.first?.contains("nothing on the serial console") == true)
}

@Test func bootManagerErrorScreenIsParsedAndExplained() throws {
    let screen = """
        Windows Boot Manager

        Windows failed to start. A recent hardware or software change might be the cause.

          File: \\Boot\\BCD
          Status: 0xc000000f
          Info: An error occurred while attempting to read the boot configuration data.

        """
    let parsed = try #require(BootManagerErrorScreen.parse(screen))
    #expect(parsed.file == "\\Boot\\BCD")
    #expect(parsed.status == 0xC000_000F)
    #expect(parsed.info == "An error occurred while attempting to read the boot configuration data.")
    let o = SerialLog.classify(screen, expected: expected, timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.details.contains { $0.contains("STATUS_NO_SUCH_FILE") })
    #expect(o.details.contains { $0.contains("Most likely at fault: the BCD store") })

    // Info on the line after its label; a ramdisk status names the SDI.
    let sdi = try #require(BootManagerErrorScreen.parse("File: \\Boot\\boot.sdi\nStatus: 0xC000000E\nInfo:\n  A required device isn't connected.\n"))
    #expect(sdi.info == "A required device isn't connected.")
    #expect(sdi.explanation.joined().contains("ramdisksdipath"))
}

@Test func everyCommonStatusHasAMeaning() {
    for code: UInt32 in [0xC000_000F, 0xC000_000E, 0xC000_007B, 0xC000_0225, 0xC000_0098, 0xC000_0428] {
        let status = BootManagerStatus.lookup(code)
        #expect(status != nil)
        #expect(status?.meaning.isEmpty == false)
        let screen = BootManagerErrorScreen(file: "\\Windows\\system32\\winload.efi", status: code, info: nil)
        #expect(screen.explanation.count == 3)
    }
    #expect(BootManagerErrorScreen(file: nil, status: 0xC000_0001, info: nil).explanation[1].contains("not one of the common"))
}

@Test func crc32MatchesTheStandardCheckValue() {
    #expect(CRC32.hex(CRC32.of(Array("123456789".utf8))) == "cbf43926")
    #expect(CRC32.hex(CRC32.of([])) == "00000000")
}

/// Fed in uneven pieces (as staging reads a file in 1 MiB chunks), the running value is the
/// whole buffer's CRC, and both match a bit-at-a-time reference of the IEEE polynomial.
@Test func crc32InPiecesMatchesABitwiseReference() {
    var bytes: [UInt8] = []
    var x: UInt32 = 0x1234_5678
    for _ in 0..<100_003 { x = x &* 1_103_515_245 &+ 12_345; bytes.append(UInt8(truncatingIfNeeded: x >> 16)) }
    var reference: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        reference ^= UInt32(b)
        for _ in 0..<8 { reference = (reference & 1) != 0 ? 0xEDB8_8320 ^ (reference >> 1) : reference >> 1 }
    }
    reference ^= 0xFFFF_FFFF
    var crc = CRC32()
    var at = 0
    for size in [0, 1, 7, 4096, 65_537, 100_003] where at < bytes.count {
        let end = min(bytes.count, at + size)
        crc.update(Array(bytes[at..<end]))
        at = end
    }
    #expect(at == bytes.count)
    #expect(crc.value == reference)
    #expect(CRC32.of(bytes) == reference)
}

@Test func cleaningRemovesEscapesAndCarriageReturns() {
    #expect(SerialLog.clean("\u{1B}[0m\u{1B}[37m\u{1B}[40mLOADER start\r\n\u{1B}(Bx") == "LOADER start\nx")
}

@Test func windowsTakingOverTheMachineIsSuccess() {
    let log = "LOADER start\r\nLOADER bootmgr bootmgfw.efi\r\nLOADER starting boot manager bootmgfw.efi\r\n\u{1B}[2J\u{1B}[20;03HLoading files...\u{1B}[22;03H\r\nLOADER exitbootservices\r\n"
    #expect(SerialLog.isFinal(log))
    let o = SerialLog.classify(log, expected: [], timedOut: false, handoffAfter: 7.25)
    #expect(o.kind == .success)
    #expect(o.headline == "OK: Windows took over the machine (ExitBootServices) after 7.2 s")
    // Without the line, the same log is no outcome yet.
    let before = log.replacingOccurrences(of: "LOADER exitbootservices\r\n", with: "")
    #expect(!SerialLog.isFinal(before))
    #expect(SerialLog.classify(before, expected: [], timedOut: true).kind == .timeout)
}

@Test func theStandinEndingBootServicesIsReportedBesideItsFiles() {
    let log = "LOADER starting boot manager bootmgfw.efi\r\nSTANDIN start (STAND-IN boot manager, not Microsoft's)\r\nLOADER exitbootservices\r\n"
    #expect(!SerialLog.isFinal(log))   // the stand-in's report is not finished
    let done = log + "STANDIN exitbootservices\r\nSTANDIN done\r\n"
    #expect(SerialLog.isFinal(done))
    let o = SerialLog.classify(done, expected: [], timedOut: false, handoffAfter: 4)
    #expect(o.kind == .success)
    #expect(o.headline.hasPrefix("OK: booted"))
    #expect(o.details.contains("boot services ended (ExitBootServices after 4 s), as the OS loader would: the loader saw the hand-off"))
}

@Test func outOfMemoryPointsAtTheGuestMemory() {
    let o = SerialLog.classify("\u{1B}[13;05HFile: \\Boot\\boot.wim\u{1B}[15;05HStatus: 0xc0000017\u{1B}[25;01H ENTER=OS Selection", expected: [], timedOut: false)
    #expect(o.details.contains { $0.contains("STATUS_NO_MEMORY") })
    #expect(o.details.contains { $0.contains("Most likely at fault: the guest's memory") })
    #expect(BootManagerStatus.lookup(0xC000_0017)?.suspect.contains("--memory") == true)
}

// OVMF's Secure Boot build refusing an unsigned loader (as scripts/test.d/65-secure-boot.sh
// sees it), then going on to the built-in shell, which it refuses too.
private let firmwareRefusedLoader = """
    \u{1B}[=3h\u{1B}[=3hBdsDxe: loading Boot0001 "UEFI Misc Device" from PciRoot(0x0)/Pci(0x2,0x0)\r
    BdsDxe: failed to load Boot0001 "UEFI Misc Device" from PciRoot(0x0)/Pci(0x2,0x0): Access Denied\r
    BdsDxe: loading Boot0002 "EFI Internal Shell" from Fv(7CB8BDC9-F8EB-4F34-AAEA-3EE4AF6516A1)/FvFile(7C04A583-9E3E-4F1C-AD65-E05268D0B4D1)\r
    """

@Test func firmwareRefusingTheLoaderIsAFinalBootError() {
    #expect(SerialLog.isFinal(firmwareRefusedLoader))
    let o = SerialLog.classify(firmwareRefusedLoader, expected: expected, timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.headline.contains("the firmware refused the loader"))
    #expect(o.details.first == "firmware: BdsDxe: failed to load Boot0001 \"UEFI Misc Device\" from PciRoot(0x0)/Pci(0x2,0x0): Access Denied")
}

@Test func anAccessDeniedAfterTheLoaderStartedIsNotAFirmwareRefusal() {
    let text = standinRun + "BdsDxe: failed to load Boot0003 \"x\" from y: Access Denied\r\n"
    #expect(!SerialLog.classify(text, expected: expected, timedOut: false).headline.contains("firmware refused"))
}

@Test func secureBootStateIsReported() {
    let text = standinRun.replacingOccurrences(of: "LOADER bootmgr", with: "LOADER secureboot on\r\nLOADER bootmgr")
    #expect(SerialLog.classify(text, expected: expected, timedOut: false).details.contains("loader: secure boot on"))
}

@Test func theReportSaysWhichBootManagerStartedAndWhy() {
    let fallback = standinRun.replacingOccurrences(of: "LOADER bootmgr bootmgfw.efi\r\n", with: """
        LOADER bootmgr bootmgfw_EX.efi\r
        LOADER bootmgr bootmgfw_EX.efi refused by Secure Boot (EFI_ACCESS_DENIED: it is signed by a key not in db, or revoked (dbx)), trying bootmgfw.efi\r
        LOADER bootmgr loaded bootmgfw.efi (bootmgfw_EX.efi was refused by Secure Boot)\r

        """)
    let details = SerialLog.classify(fallback, expected: expected, timedOut: false).details
    #expect(details.contains("loader: boot manager bootmgfw_EX.efi refused by Secure Boot (EFI_ACCESS_DENIED: it is signed by a key not in db, or revoked (dbx)), trying bootmgfw.efi"))
    #expect(details.contains("loader: boot manager bootmgfw.efi started (bootmgfw_EX.efi was refused by Secure Boot)"))
    #expect(!details.contains("loader: boot manager bootmgfw_EX.efi"))

    let first = "LOADER bootmgr bootmgfw_EX.efi\nLOADER bootmgr loaded bootmgfw_EX.efi (the first choice; bootmgfw.efi is the fallback)\n"
    #expect(SerialLog.bootManagerProgress(first.split(separator: "\n").map(String.init))
            == ["loader: boot manager bootmgfw_EX.efi loaded, not started (the first choice; bootmgfw.efi is the fallback)"])
    // An older loader's single line is still reported.
    #expect(SerialLog.classify(standinRun, expected: expected, timedOut: false).details.contains("loader: boot manager bootmgfw.efi"))
}

/// shim refusing its second stage (the loader): an error box drawn with cursor moves and CP437
/// box characters (bytes as shim 16.1 wrote them to OVMF's serial console), waiting for a key.
let shimRefusedLoader: String = {
    var bytes = Array("BdsDxe: starting Boot0001 \"UEFI Misc Device\" from PciRoot(0x0)/Pci(0x2,0x0)\r\n".utf8)
    bytes += Array(repeating: 0xC4, count: 20) + [0xBF]
    bytes += [0x1B] + Array("[02;01H".utf8) + [0xB3] + Array(String(repeating: " ", count: 46).utf8) + Array("ERROR".utf8) + Array("   ".utf8) + [0xB3]
    bytes += [0x1B] + Array("[04;01H".utf8) + [0xB3] + Array("                          Verification failed: (0x1A) Security Violation                          ".utf8) + [0xB3]
    bytes += [0x1B] + Array("[05;01H".utf8) + [0xB3] + Array("      ".utf8) + [0xB3] + [0x1B] + Array("[30;01H".utf8) + Array(" OK ".utf8)
    return String(decoding: bytes, as: UTF8.self)
}()

@Test func shimRefusingTheLoaderIsAFinalBootError() {
    #expect(SerialLog.isFinal(shimRefusedLoader))
    let o = SerialLog.classify(shimRefusedLoader, expected: expected, timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.headline == "FAILED: shim refused the loader (Secure Boot: its certificate is neither in MokList nor in db)")
    #expect(o.details.first == "shim: Verification failed: (0x1A) Security Violation")
    #expect(o.details.last?.contains("mokutil --import") == true)
}

@Test func aShimLineAfterTheLoaderStartedIsNotAShimRefusal() {
    let text = standinRun + "Verification failed: (0x1A) Security Violation\r\n"
    #expect(!SerialLog.classify(text, expected: expected, timedOut: false).headline.contains("shim refused"))
}

@Test func standinErrorIsTheHeadlineNotTheFilesItDidNotRead() {
    let log = """
        LOADER start (bcd 0.1.0, bios)\r
        LOADER bootmgr bootmgr.exe\r
        STANDIN start (STAND-IN boot manager, not Microsoft's)\r
        STANDIN firmware bios\r
        STANDIN error no free 64 KiB of conventional memory for BIOS buffers\r
        STANDIN done\r

        """
    let o = SerialLog.classify(log, expected: expected, timedOut: false)
    #expect(o.kind == .bootError && o.exitStatus == 2)
    #expect(o.headline == "FAILED: the stand-in boot manager stopped: no free 64 KiB of conventional memory for BIOS buffers")
    #expect(!o.details.contains { $0.hasPrefix("MISSING") })
    #expect(SerialLog.isFinal(log))
}
