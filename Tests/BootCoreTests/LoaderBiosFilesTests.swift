import Testing
import BootCore

@Suite("Files a BIOS boot uses")
struct LoaderBiosFilesTests {
    typealias Files = LoaderBiosFiles

    @Test func bootManagerSourceOrder() {
        #expect(Files.bootManagerSources(among: ["BCD", "BOOTMGR.EXE", "bootmgr", "boot.wim"]) == [.supplied(1)])
        #expect(Files.bootManagerSources(among: ["BCD", "Bootmgr", "boot.wim"]) == [.extracted(1), .wim])
        #expect(Files.bootManagerSources(among: ["boot.wim"]) == [.wim])
        // Only these two names count: the UEFI boot managers are no BIOS ones.
        #expect(Files.bootManagerSources(among: ["bootmgfw.efi", "bootx64.efi", "bootmgr.efi"]) == [.wim])
    }

    @Test func wimFilesAreThePcatOnes() {
        #expect(Files.all.map(\.path) == ["\\Windows\\Boot\\PXE\\bootmgr.exe", "\\Windows\\Boot\\DVD\\PCAT\\BCD", "\\Windows\\Boot\\DVD\\PCAT\\boot.sdi"])
        #expect(Files.all.map(\.name) == ["bootmgr.exe", "BCD", "boot.sdi"])
    }

    @Test func wantedAndOptional() {
        let exe = Files.bootManager, bcd = Files.bcd, sdi = Files.bootSDI
        // Nothing supplied: all three from the WIM, none optional.
        #expect(Files.all.allSatisfy { Files.isWanted($0, inputs: ["boot.wim"]) && !Files.isOptional($0, inputs: ["boot.wim"]) })
        // bootmgr.exe supplied: not taken.
        #expect(!Files.isWanted(exe, inputs: ["bootmgr.exe", "boot.wim"]))
        // A compressed bootmgr supplied: the WIM's is the optional fallback.
        #expect(Files.isWanted(exe, inputs: ["bootmgr", "boot.wim"]) && Files.isOptional(exe, inputs: ["bootmgr", "boot.wim"]))
        // Supplied BCD / boot.sdi win, case-insensitively.
        #expect(!Files.isWanted(bcd, inputs: ["bcd", "boot.wim"]) && Files.isWanted(sdi, inputs: ["bcd", "boot.wim"]))
        #expect(!Files.isWanted(sdi, inputs: ["BOOT.SDI"]) && !Files.isOptional(bcd, inputs: ["bootmgr"]))
    }
}
