@testable import BCDCheck
import BCDKit
import Foundation
import Testing

/// VHDX headers and region tables carry CRC-32C checksums; a damaged copy falls back to the
/// other, and two damaged copies make the disk invalid with a message that says why.
@Suite("VHDX checksums") struct VirtualDiskChecksumTests {
    @Test func crc32cMatchesTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }

    @Test func bothHeadersDamagedIsInvalidAndSaysChecksum() throws {
        let w = try Workspace.shared.get()
        let files = w.files(["win.vhd": w.vhdxDamaged, "bootmgfw.efi": w.bootmgr], store: w.vhdBCD)
        let found = check(storeAt: w.vhdBCD, files: files, options: CheckOptions(firmware: .uefi, storeName: "BCD")).1
        let invalid = try #require(found.first { $0.rule == "vhd.invalid" })
        #expect(invalid.message.contains("CRC-32C"), "\(invalid.message)")
    }
}
