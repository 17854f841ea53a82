import Foundation
import Testing
@testable import BootCore

/// BootCore's FAT reader against the loader's VirtualFatDisk and against images mkfs.fat and
/// mcopy made (FAT16 and FAT32, superfloppy and MBR-partitioned).
@Suite("FAT reader")
struct FatReaderTests {
    /// Sectors of a VirtualFatDisk, read one by one (as the INT 13h emulation serves them).
    struct DiskSectors: FatSectorReader {
        let disk: VirtualFatDisk<MemorySource>
        func readSectors(_ lba: UInt64, count: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            guard buffer.count >= count * 512 else { return false }
            for i in 0..<count {
                guard disk.readSector(lba + UInt64(i), into: UnsafeMutableRawBufferPointer(rebasing: buffer[(i * 512)..<(i * 512 + 512)])) else { return false }
            }
            return true
        }
    }
    /// Sectors of an image file in memory.
    struct ImageSectors: FatSectorReader {
        let bytes: [UInt8]
        func readSectors(_ lba: UInt64, count: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            let start = Int(lba) * 512, end = start + count * 512
            guard end <= bytes.count, buffer.count >= count * 512 else { return false }
            bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            return true
        }
    }

    /// Runs a tool; a failure (non-zero status) fails the test.
    static func tool(_ name: String, _ arguments: [String]) throws {
        let out = try PayloadTool.run(name, arguments)
        guard out.status == 0 else { throw PayloadTool.Failure(description: "\(name) \(arguments) failed: \(out.stderr)") }
    }

    static let files: [(String, [UInt8])] = [
        ("bootmgr.exe", PayloadTool.bytes(300_000, seed: 21)),
        ("BCD", PayloadTool.bytes(16_384, seed: 22)),
        ("boot.sdi", PayloadTool.bytes(3_170_304 / 16, seed: 23)),
        ("a rather long name for a file.txt", PayloadTool.bytes(777, seed: 24)),
        ("empty.bin", []),
    ]

    @Test func readsEveryFileInEveryDirectoryOfTheVirtualDisk() throws {
        let disk = try VirtualFatDisk(files: Self.files.map { VirtualFatFile(name: $0.0, source: MemorySource($0.1)) })
        let fat = try FatReader(DiskSectors(disk: disk))
        #expect(fat.isFat32)
        #expect(fat.volumeStart == 2048)
        for dir in ["", "\\Boot", "\\EFI\\Microsoft\\Boot", "\\Sources", "\\EFI\\Boot"] {
            for (name, bytes) in Self.files {
                let node = try fat.lookup(dir + "\\" + name)
                #expect(!node.isDirectory)
                #expect(node.size == UInt32(bytes.count))
                #expect(try fat.readAll(node) == bytes, "\(dir)\\\(name)")
            }
        }
        // Case-insensitive, either separator.
        #expect(try fat.readAll(fat.lookup("/boot/bcd")) == Self.files[1].1)
        #expect(try fat.readAll(fat.lookup("\\EFI\\MICROSOFT\\BOOT\\A RATHER LONG NAME FOR A FILE.TXT")) == Self.files[3].1)
        #expect(throws: FatReadError.notFound) { try fat.lookup("\\Boot\\nothing") }
        #expect(throws: FatReadError.notADirectory) { try fat.lookup("\\BCD\\x") }
        let rootNames = Set(try fat.root().map(\.name))
        #expect(rootNames.isSuperset(of: ["Boot", "EFI", "Sources", "bootmgr.exe", "BCD"]))
    }

    static func image(fat: Int, partitioned: Bool, dir: URL) throws -> [UInt8] {
        let url = dir.appendingPathComponent("fat\(fat)-\(partitioned).img")
        let sectors = fat == 32 ? 140_000 : 40_000
        let offset = partitioned ? 2048 : 0
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        try h.truncate(atOffset: UInt64((sectors + offset) * 512))
        if partitioned {   // one MBR partition entry: type 0x0C / 0x06 at LBA 2048
            var mbr = [UInt8](repeating: 0, count: 512)
            mbr[446 + 4] = fat == 32 ? 0x0C : 0x06
            mbr.putLE(UInt32(offset), at: 446 + 8); mbr.putLE(UInt32(sectors), at: 446 + 12)
            mbr[510] = 0x55; mbr[511] = 0xAA
            try h.seek(toOffset: 0); try h.write(contentsOf: Data(mbr))
        }
        try h.close()
        var args = ["-F", "\(fat)", "-n", "TESTVOL"]
        if partitioned { args += ["--offset", "\(offset)"] }
        try Self.tool("mkfs.fat", args + [url.path, "\(sectors / 2)"])
        let target = partitioned ? "\(url.path)@@\(offset * 512)" : url.path
        try Self.tool("mmd", ["-i", target, "::/Boot", "::/Boot/Deep Directory"])
        for (name, bytes) in Self.files {
            let src = dir.appendingPathComponent(name)
            try Data(bytes).write(to: src)
            try Self.tool("mcopy", ["-i", target, src.path, "::/Boot/" + name])
            try Self.tool("mcopy", ["-i", target, src.path, "::/Boot/Deep Directory/" + name])
        }
        let short = dir.appendingPathComponent("SHORT.TXT")
        try Data("short".utf8).write(to: short)
        try Self.tool("mcopy", ["-i", target, short.path, "::/SHORT.TXT"])
        return Array(try Data(contentsOf: url))
    }

    @Test(arguments: [(16, false), (16, true), (32, false), (32, true)])
    func readsMkfsFatImages(fat: Int, partitioned: Bool) throws {
        let dir = try PayloadTool.temporaryDirectory("fatreader")
        defer { try? FileManager.default.removeItem(at: dir) }
        let reader = try FatReader(ImageSectors(bytes: try Self.image(fat: fat, partitioned: partitioned, dir: dir)))
        #expect(reader.isFat32 == (fat == 32))
        #expect(reader.volumeStart == (partitioned ? 2048 : 0))
        for (name, bytes) in Self.files {
            #expect(try reader.readAll(reader.lookup("\\Boot\\" + name)) == bytes, "\(name)")
            #expect(try reader.readAll(reader.lookup("\\boot\\deep directory\\" + name.uppercased())) == bytes, "\(name)")
        }
        let short = try reader.lookup("\\short.txt")
        #expect(short.name == "SHORT.TXT")
        #expect(try reader.readAll(short) == Array("short".utf8))
        #expect(try reader.root().contains { $0.name == "Boot" && $0.isDirectory })
    }

    @Test func refusesWhatIsNotFat() {
        #expect(throws: FatReadError.noFileSystem) { try FatReader(ImageSectors(bytes: [UInt8](repeating: 0, count: 4096))) }
        var mbr = [UInt8](repeating: 0, count: 8192)
        mbr[510] = 0x55; mbr[511] = 0xAA
        mbr[446 + 4] = 0x83; mbr.putLE(UInt32(4), at: 446 + 8)   // a Linux partition only
        #expect(throws: FatReadError.noFileSystem) { try FatReader(ImageSectors(bytes: mbr)) }
        mbr[446 + 4] = 0x0C                                        // FAT type, but no boot sector there
        #expect(throws: FatReadError.noFileSystem) { try FatReader(ImageSectors(bytes: mbr)) }
        #expect(throws: FatReadError.readFailed(0)) { try FatReader(ImageSectors(bytes: [])) }
    }

    @Test func brokenChainsAreErrorsAndLoopsEnd() throws {
        let disk = try VirtualFatDisk(files: [VirtualFatFile(name: "x.bin", source: MemorySource(PayloadTool.bytes(5000, seed: 3)))])
        var bytes: [UInt8] = []
        for lba in 0..<disk.sectorCount { bytes += disk.sector(lba)! }
        let fat = try FatReader(ImageSectors(bytes: bytes))
        let node = try fat.lookup("\\x.bin")
        let entry = { (cluster: UInt32) in Int(fat.fatStart) * 512 + Int(cluster) * 4 }
        // The chain ends after its first cluster although the size asks for more.
        var cut = bytes
        cut.putLE(UInt32(0x0FFF_FFFF), at: entry(node.firstCluster))
        #expect(throws: FatReadError.badChain) { try FatReader(ImageSectors(bytes: cut)).readAll(node) }
        // The chain leaves the file system.
        var out = bytes
        out.putLE(UInt32(0x0FFF_FFF0), at: entry(node.firstCluster))
        #expect(throws: FatReadError.badChain) { try FatReader(ImageSectors(bytes: out)).readAll(node) }
        // The root directory's chain loops onto itself: listing it ends (FAT's 2 MiB directory limit).
        var loop = bytes
        loop.putLE(fat.rootCluster, at: entry(fat.rootCluster))
        let looped = try FatReader(ImageSectors(bytes: loop))
        #expect(throws: FatReadError.notFound) { try looped.lookup("\\nothing") }
    }
}

extension FatReaderTests {
    @Test func randomAccessReadsMatchTheFile() throws {
        let dir = try PayloadTool.temporaryDirectory("fatreader-ra")
        defer { try? FileManager.default.removeItem(at: dir) }
        let reader = try FatReader(ImageSectors(bytes: try Self.image(fat: 32, partitioned: true, dir: dir)))
        let bytes = Self.files[0].1
        let map = try reader.runs(reader.lookup("\\Boot\\bootmgr.exe"))
        #expect(map.size == UInt64(bytes.count))
        #expect(map.runs.reduce(0) { $0 + Int($1.count) } * 512 * 1 >= bytes.count)
        for (offset, length) in [(0, 1), (0, 512), (1, 511), (511, 2), (1000, 70_000), (bytes.count - 3, 3), (4096, 0), (123_457, 65_536 + 17)] {
            #expect(try Self.read(reader, map, offset, length) == Array(bytes[offset..<offset + length]), "offset \(offset) length \(length)")
        }
        #expect(throws: FatReadError.badChain) { try Self.read(reader, map, bytes.count - 2, 4) }
    }

    static func read(_ reader: FatReader<ImageSectors>, _ map: FatFileMap, _ offset: Int, _ length: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var failure: FatReadError? = nil
        out.withUnsafeMutableBytes { b in
            do throws(FatReadError) { try reader.read(map, at: UInt64(offset), into: b) } catch { failure = error }
        }
        if let failure { throw failure }
        return out
    }
}
