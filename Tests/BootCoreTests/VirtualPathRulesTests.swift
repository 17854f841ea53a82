import Testing
@testable import BootCore

@Suite("Virtual filesystem path rules")
struct VirtualPathRulesTests {
    static let names = ["BCD", "boot.sdi", "boot.wim", "bootmgr.efi", "boot manager.efi"]

    @Test func resolvesInEveryDirectoryWithEitherSeparatorAndAnyCase() {
        #expect(VirtualPathRules.resolve("\\Sources\\boot.wim", among: Self.names) == 2)
        #expect(VirtualPathRules.resolve("/sources/BOOT.WIM", among: Self.names) == 2)
        #expect(VirtualPathRules.resolve("\\boot\\boot.sdi", among: Self.names) == 1)
        #expect(VirtualPathRules.resolve("\\EFI\\Microsoft\\Boot\\BCD", among: Self.names) == 0)
        #expect(VirtualPathRules.resolve("bootmgr.efi", among: Self.names) == 3)
        #expect(VirtualPathRules.resolve("\\Boot\\\\Fonts\\.\\bcd", among: Self.names) == 0)
        for d in 0..<VirtualDirectories.count {
            let dir = VirtualDirectories.components[d].map { "\\" + $0 }.joined()
            #expect(VirtualPathRules.resolve(dir + "\\boot.wim", among: Self.names) == 2, "\(dir)")
        }
    }

    @Test func refusesOtherDirectoriesAndUnknownFiles() {
        #expect(VirtualPathRules.resolve("\\Windows\\boot.wim", among: Self.names) == nil)
        #expect(VirtualPathRules.resolve("\\Sources\\install.wim", among: Self.names) == nil)
        #expect(VirtualPathRules.resolve("\\EFI\\Microsoft\\Boot\\Fonts\\BCD", among: Self.names) == nil)
        #expect(VirtualPathRules.resolve("\\Sources", among: Self.names) == nil)
        #expect(VirtualPathRules.resolve("", among: Self.names) == nil)
        #expect(VirtualPathRules.resolve("\\", among: Self.names) == nil)
    }

    @Test func resolvesShortNamesLikeTheDisk() {
        #expect(VirtualPathRules.resolve("\\EFI\\BOOTMA~1.EFI", among: Self.names) == 4)
        #expect(VirtualPathRules.resolve("\\EFI\\BOOTMGR.EFI", among: Self.names) == 3)
    }

    @Test func listsTheNinePathsThatWork() {
        let paths = VirtualPathRules.workingPaths(for: "boot.wim")
        #expect(paths.count == 9)
        #expect(paths.first == "\\boot.wim")
        #expect(paths.contains("\\Sources\\boot.wim"))
        #expect(paths.contains("\\EFI\\Microsoft\\Boot\\boot.wim"))
        for path in paths { #expect(VirtualPathRules.resolve(path, among: Self.names) == 2) }
    }
}
