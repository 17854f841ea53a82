import Testing
@testable import BootCore

@Suite("Which boot managers the loader tries, in order")
struct LoaderBootManagerTests {
    @Test func suppliedBootx64IsTheOnlyCandidate() {
        #expect(LoaderBootManager.candidates(among: ["bootmgfw.efi", "BOOTX64.EFI", "bootmgfw_EX.efi", "BCD"]) == [1])
        #expect(LoaderBootManager.choice(among: ["bootmgfw.efi", "bootx64.efi"]) == 1)
    }

    @Test func exFirstThenTheClassicOne() {
        #expect(LoaderBootManager.candidates(among: ["BCD", "bootmgfw.efi", "boot.wim", "BOOTMGFW_ex.EFI"]) == [3, 1])
        #expect(LoaderBootManager.choice(among: ["bootmgfw.efi", "bootmgfw_EX.efi"]) == 1)
        #expect(LoaderBootManager.candidates(among: ["bootmgfw.efi"]) == [0])
        #expect(LoaderBootManager.candidates(among: ["bootmgfw_EX.efi"]) == [0])
        #expect(LoaderBootManager.candidates(among: ["BCD", "boot.wim", "bootmgr", "bootmgfw_EX.efi.bak"]).isEmpty)
        #expect(LoaderBootManager.choice(among: ["BCD"]) == nil)
    }

    @Test func byteFormAgreesWithStrings() {
        let names = ["boot.sdi", "bootmgfw.efi", "bootmgfw_ex.efi"]
        #expect(LoaderBootManager.candidates(among: names.map { Array($0.utf8) }) == LoaderBootManager.candidates(among: names))
    }

    @Test func wimBootManagersAreWantedUnlessBootx64OrTheirOwnNameIsSupplied() {
        let ex = LoaderWimFiles.bootManagerEX, classic = LoaderWimFiles.bootManager
        #expect(ex.path == "\\Windows\\Boot\\EFI_EX\\bootmgfw_EX.efi" && ex.name == "bootmgfw_EX.efi" && ex.isBootManager)
        #expect(classic.path == "\\Windows\\Boot\\EFI\\bootmgfw.efi" && classic.name == "bootmgfw.efi" && classic.isBootManager)
        #expect(LoaderWimFiles.bootManagers.map(\.name) == LoaderBootManager.ordered)
        for file in LoaderWimFiles.bootManagers {
            #expect(LoaderWimFiles.isWanted(file, inputs: ["BCD", "boot.wim"]))
            #expect(!LoaderWimFiles.isWanted(file, inputs: ["bootx64.efi", "boot.wim"]))
        }
        // A supplied one wins over the WIM's of the same name only: the other is still taken.
        #expect(!LoaderWimFiles.isWanted(classic, inputs: ["BOOTMGFW.EFI", "boot.wim"]))
        #expect(LoaderWimFiles.isWanted(ex, inputs: ["bootmgfw.efi", "boot.wim"]))
        #expect(!LoaderWimFiles.isWanted(ex, inputs: ["bootmgfw_ex.efi", "boot.wim"]))
        #expect(LoaderWimFiles.isWanted(classic, inputs: ["bootmgfw_EX.efi", "boot.wim"]))
    }

    @Test func candidateNamesAfterTakingFromTheWIM() {
        let both = ["bootmgfw_EX.efi", "bootmgfw.efi"]
        #expect(LoaderBootManager.candidateNames(supplied: ["BCD", "boot.wim"], inWIM: both) == both)
        #expect(LoaderBootManager.candidateNames(supplied: ["BCD", "boot.wim"], inWIM: ["bootmgfw.efi"]) == ["bootmgfw.efi"])
        #expect(LoaderBootManager.candidateNames(supplied: ["boot.wim", "bootx64.efi"], inWIM: both) == ["bootx64.efi"])
        // Supplied bootmgfw_EX.efi first, the WIM's bootmgfw.efi as the fallback.
        #expect(LoaderBootManager.candidateNames(supplied: ["bootmgfw_ex.efi", "boot.wim"], inWIM: both) == ["bootmgfw_ex.efi", "bootmgfw.efi"])
        #expect(LoaderBootManager.candidateNames(supplied: ["BCD"], inWIM: []).isEmpty)
    }
}
