import Testing
@testable import BootCore

@Suite("FAT short and long names")
struct FatShortNameTests {
    @Test func shortNamesAreValidAndUnique() throws {
        let names = ["bootmgr.efi", "bootmgr.efi.bak", "BOOTMGR", "boot.sdi", "Boot.Sdi2", "a b c.txt", "..hidden", "x+y=z.tar.gz",
                     "Resources", "Microsoft", "longname1.txt", "longname2.txt", "longname3.txt"]
        let table = try FatShortNameTable(longNames: names)
        #expect(Set(table.shortNames).count == names.count)
        for short in table.shortNames {
            #expect(short.count == 11)
            for b in short where b != 0x20 { #expect(FatShortNameTable.isShortNameChar(b)) }
        }
        #expect(table.displayName(at: 2) == "BOOTMGR")
        #expect(table.needsLongName[2] == false)
        #expect(table.displayName(at: 0) == "BOOTMGR.EFI" && table.needsLongName[0])   // lossless but for case
        #expect(table.displayName(at: 1).hasPrefix("BOOTMG~") && table.displayName(at: 1).hasSuffix(".BAK"))
        #expect(table.displayName(at: 3) == "BOOT.SDI")
        #expect(table.displayName(at: 8) == "RESOUR~1")
    }

    @Test func exactShortNamesWinOverCaseOnlyOnes() throws {
        let table = try FatShortNameTable(longNames: ["bcd.log", "BCD.LOG2", "Boot", "x"])
        #expect(table.displayName(at: 0) == "BCD.LOG")
        #expect(table.displayName(at: 2) == "BOOT" && table.needsLongName[2])
        let clash = try FatShortNameTable(longNames: ["bcd", "BCD"])
        #expect(clash.displayName(at: 1) == "BCD" && clash.displayName(at: 0) == "BCD~1")
        #expect(throws: VirtualDiskError.self) { try FatShortNameTable(longNames: ["BCD", "BCD"]) }
    }

    @Test func longNameChecksumMatchesTheFormula() {
        // Known value: the checksum of "FILENAMETXT" computed by the rotate-right-and-add rule.
        var expected: UInt8 = 0
        for b in Array("FILENAMETXT".utf8) { expected = ((expected & 1) << 7) &+ (expected >> 1) &+ b }
        #expect(FatDirectoryEntry.shortNameChecksum(Array("FILENAMETXT".utf8)) == expected)
    }

    @Test func longNameEntriesAreOrderedAndPadded() {
        let entries = FatDirectoryEntry.longNameEntries(Array("abcdefghijklmn".utf8), checksum: 0x42)
        #expect(entries.count == 64)
        #expect(entries[0] == 0x42)       // second piece, flagged last
        #expect(entries[32] == 0x01)
        #expect(entries[1] == UInt8(ascii: "n") && entries[3] == 0 && entries[4] == 0)   // then NUL
        #expect(entries[5] == 0xFF && entries[6] == 0xFF)                               // then 0xFFFF
        #expect(entries[13] == 0x42 && entries[11] == 0x0F)
    }
}
