// libFuzzer entry for BootCore's virtual FAT disk and BCD patch, fed the way the loader feeds
// them at boot: file names and sizes from an untrusted initrd, a BCD from the network.
// Input: byte 0 = number of files (0-7); per file: name length, name bytes, 3-byte size.
// Built by scripts/test.d/31-fuzz-payload.sh with BootCore's Support, FAT and Boot sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVdisk(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []

    // The BCD patch must be idempotent: patching patched data changes nothing.
    var patched = bytes
    BcdExePatch.apply(to: &patched)
    precondition(BcdExePatch.apply(to: &patched) == 0)

    guard let fileCount = bytes.first else { return 0 }
    var files: [VirtualFatFile<MemorySource>] = []
    var names: [String] = []
    var at = 1
    for _ in 0..<Int(fileCount % 8) {
        guard at < bytes.count else { break }
        let length = Int(bytes[at]); at += 1
        guard at + length + 3 <= bytes.count else { break }
        let name = String(decoding: bytes[at..<at + length], as: UTF8.self); at += length
        let fileSize = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2] & 0x0F) << 16; at += 3
        names.append(name)
        files.append(VirtualFatFile(name: name, source: MemorySource([UInt8](repeating: 0xA5, count: fileSize))))
    }
    for name in names { _ = VirtualPathRules.resolve("\\Sources\\" + name, among: names) }
    guard let disk = try? VirtualFatDisk(files: files, sharedClusters: bytes.count % 2 == 0) else { return 0 }

    // Every sector of the metadata, and a sample of data sectors, must read.
    let g = disk.geometry
    let metadataEnd = FatGeometry.partitionStart + UInt64(g.dataStart) + UInt64(VirtualDirectories.count * 64)
    var lba: UInt64 = 0
    while lba < min(metadataEnd, disk.sectorCount) {
        precondition(disk.sector(lba) != nil)
        lba += lba < FatGeometry.partitionStart ? 2047 : 1
    }
    var probe: UInt64 = 7
    for _ in 0..<64 {
        probe = probe &* 6364136223846793005 &+ 1442695040888963407
        precondition(disk.sector(probe % disk.sectorCount) != nil)
    }
    precondition(disk.sector(disk.sectorCount) == nil)

    // Multi-sector reads must equal the single-sector reads they replace.
    let dataStart = FatGeometry.partitionStart + UInt64(g.dataStart)
    for k in 0..<8 {
        probe = probe &* 6364136223846793005 &+ 1442695040888963407
        let count = UInt64(1 + (probe >> 40) % 40)
        guard disk.sectorCount > count else { break }
        let first = k % 2 == 0 ? dataStart + probe % max(1, disk.sectorCount - dataStart - count) : probe % (disk.sectorCount - count)
        var many = [UInt8](repeating: 0, count: Int(count) * 512)
        precondition(many.withUnsafeMutableBytes { disk.readSectors(first, into: $0) })
        var single: [UInt8] = []
        for i in 0..<count { single += disk.sector(first + i)! }
        precondition(many == single)
    }
    return 0
}
