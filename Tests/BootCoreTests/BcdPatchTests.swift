import Testing
@testable import BootCore

@Suite("BCD .exe -> .efi patch")
struct BcdPatchTests {
    static func utf16(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    @Test func patchesNulTerminatedNamesInAnyCase() {
        var data = [0x11, 0x22] + Self.utf16("\\windows\\system32\\winload.exe\0") + Self.utf16("WINRESUME.EXE\0") + Self.utf16("x.ExE\0")
        #expect(BcdExePatch.apply(to: &data) == 3)
        #expect(data == [0x11, 0x22] + Self.utf16("\\windows\\system32\\winload.efi\0") + Self.utf16("WINRESUME.EFI\0") + Self.utf16("x.EfI\0"))
    }

    @Test func patchesAMatchEndingAtTheEndOfTheData() {
        var data = Self.utf16("boot\\winload.exe")
        #expect(BcdExePatch.apply(to: &data) == 1)
        #expect(data == Self.utf16("boot\\winload.efi"))
        var odd = Self.utf16("a.exe") + [0]                 // a single trailing NUL byte
        #expect(BcdExePatch.apply(to: &odd) == 1)
    }

    @Test func leavesEverythingElseAlone() {
        for text in ["winload.exec\0", "winload.ex\0", "winload.exe.mui\0", "winload.eXf\0"] {
            var data = Self.utf16(text)
            let before = data
            #expect(BcdExePatch.apply(to: &data) == 0, "\(text)")
            #expect(data == before)
        }
        var ascii = Array("winload.exe\0".utf8)              // 8-bit text is not UTF-16LE
        #expect(BcdExePatch.apply(to: &ascii) == 0)
        var empty: [UInt8] = []
        #expect(BcdExePatch.apply(to: &empty) == 0)
        var short = Self.utf16(".ex")
        #expect(BcdExePatch.apply(to: &short) == 0)
    }

    @Test func findsMatchesAtOddOffsets() {
        var data = [0x00] + Self.utf16("a.exe\0")
        #expect(BcdExePatch.apply(to: &data) == 1)
        #expect(data == [0x00] + Self.utf16("a.efi\0"))
    }
}
