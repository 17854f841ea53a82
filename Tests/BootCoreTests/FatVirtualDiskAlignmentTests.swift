import Foundation
import Testing
@testable import BootCore

/// A large file whose bytes are computed from their offset (nothing held in memory).
private struct PatternSource: ByteSource {
    let count: UInt64
    static func byte(_ offset: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: offset &* 31 &+ offset >> 9) }
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
        for i in 0..<buffer.count { buffer[i] = Self.byte(offset + UInt64(i)) }
        return true
    }
}

@Suite("Virtual FAT32 disk: data alignment and cluster size")
struct FatVirtualDiskAlignmentTests {
    /// Byte offset of each file run from the start of the data region (cluster 2).
    static func fileRunOffsets<S>(_ disk: VirtualFatDisk<S>) -> [(file: Int, offset: UInt64)] {
        disk.runs.compactMap { run in
            guard case .file(let f) = run.content else { return nil }
            return (f, UInt64(run.firstCluster - FatGeometry.rootCluster) * disk.geometry.bytesPerCluster)
        }
    }

    @Test func filesOfAPageOrMoreStartOnA64KiBBoundaryAndTheDiskStaysClean() throws {
        let files: [(String, [UInt8])] = [
            ("BCD", PayloadTool.bytes(12_345, seed: 21)), ("boot.wim", PayloadTool.bytes(200_000, seed: 22)),
            ("tiny", PayloadTool.bytes(1, seed: 23)), ("boot.sdi", PayloadTool.bytes(65_536, seed: 24)),
        ]
        let disk = try FatVirtualDiskTests.makeDisk(files)
        let offsets = Self.fileRunOffsets(disk)
        #expect(offsets.count == files.count * VirtualDirectories.count)
        for (f, offset) in offsets where files[f].1.count >= 65_536 {
            #expect(offset % 65_536 == 0, "\(files[f].0) starts at data offset \(offset)")
        }
        #expect(disk.geometry.allocatedClusters < disk.geometry.usedClusters, "no alignment gap was left free")
        // The gaps are free clusters: fsck.fat's free count must agree with FSInfo's.
        let dir = try PayloadTool.temporaryDirectory("fat-align")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (image, part) = try FatVirtualDiskTests.writeOut(disk, in: dir)
        let check = try PayloadTool.run("fsck.fat", ["-n", "-v", part.path])
        let report = check.text + check.stderr
        #expect(check.status == 0, "fsck.fat -n failed:\n\(report)")
        for complaint in ["Free cluster summary wrong", "Truncating", "Reclaimed", "share clusters", "wrong"] {
            #expect(!report.contains(complaint), "fsck.fat complains (\(complaint)):\n\(report)")
        }
        for (name, bytes) in files {
            let out = dir.appendingPathComponent("out")
            try? FileManager.default.removeItem(at: out)
            let copy = try PayloadTool.run("mcopy", ["-n", "-i", image.path + "@@1M", "::/Sources/\(name)", out.path])
            #expect(copy.status == 0, "\(copy.stderr)")
            #expect([UInt8](try Data(contentsOf: out)) == bytes, "\(name) differs")
        }
    }

    @Test func aBigPayloadGets32KiBClustersAndReadsBackInOneSpan() throws {
        let size: UInt64 = 300 << 20 + 12_345   // x9 directories at 32 KiB: over 65,525 clusters
        let disk = try VirtualFatDisk(files: [VirtualFatFile(name: "boot.wim", source: PatternSource(count: size))])
        #expect(disk.geometry.sectorsPerCluster == 64)
        #expect(disk.geometry.clusterCount >= 65_525)
        let (_, offset) = try #require(Self.fileRunOffsets(disk).last)
        #expect(offset % 65_536 == 0)
        // The file's last 3 MiB and the slack of its last cluster, as one multi-sector read.
        let fileStart = FatGeometry.partitionStart + UInt64(disk.geometry.dataStart) + offset / 512
        let from = (size - (3 << 20)) & ~511
        let clusterBytes = disk.geometry.bytesPerCluster
        let sectors = ((size + clusterBytes - 1) / clusterBytes * clusterBytes - from) / 512
        var buffer = [UInt8](repeating: 0xEE, count: Int(sectors) * 512)
        #expect(buffer.withUnsafeMutableBytes { disk.readSectors(fileStart + from / 512, into: $0) })
        for i in 0..<Int(size - from) where buffer[i] != PatternSource.byte(from + UInt64(i)) {
            Issue.record("byte \(from + UInt64(i)) of boot.wim differs"); break
        }
        #expect(buffer[Int(size - from)...].allSatisfy { $0 == 0 }, "the slack after the file is not zero")
    }
}
