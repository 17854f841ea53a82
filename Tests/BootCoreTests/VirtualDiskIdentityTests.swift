import Foundation
import Testing
@testable import BootCore

/// The UEFI loader describes its virtual disk's partition by an MBR signature
/// (loader/common/vdisk_ids.h); it must be the one the disk's own MBR holds.
@Suite("Virtual disk identity")
struct VirtualDiskIdentityTests {
    static let header = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("loader/common/vdisk_ids.h")

    @Test func devicePathSignatureIsTheMbrsSignature() throws {
        let text = try String(contentsOf: Self.header, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("#define LOADER_VDISK_MBR_SIGNATURE ") })
        let literal = try #require(line.split(separator: " ").last).dropFirst(2).dropLast()   // 0x...u
        let signature = try #require(UInt32(literal, radix: 16))
        let disk = try VirtualFatDisk(files: [VirtualFatFile(name: "BCD", source: MemorySource([1, 2, 3]))])
        let mbr = try #require(disk.sector(0))
        #expect(mbr.le32(at: 440) == signature)
        #expect(signature == VirtualFatDiskIdentity.volumeID)
    }
}
