import Foundation
import Testing
@testable import BootCore

@Suite("Virtual FAT32 disk")
struct FatVirtualDiskTests {
    static let sampleFiles: [(String, [UInt8])] = [
        ("bootmgr.efi", PayloadTool.bytes(3000, seed: 1)),
        ("BCD", PayloadTool.bytes(1, seed: 2)),
        ("boot.sdi", PayloadTool.bytes(10_000, seed: 3)),
        ("a long file name with spaces.txt", PayloadTool.bytes(5000, seed: 4)),
        ("empty.bin", []),
        ("EXACT.BIN", PayloadTool.bytes(4096, seed: 5)),
        ("Mixed.Case.Name.wim", PayloadTool.bytes(9000, seed: 6)),
        ("bootmgr.efi.bak", PayloadTool.bytes(700, seed: 7)),
    ]

    static func makeDisk(_ files: [(String, [UInt8])] = sampleFiles) throws -> VirtualFatDisk<MemorySource> {
        try VirtualFatDisk(files: files.map { VirtualFatFile(name: $0.0, source: MemorySource($0.1)) })
    }

    /// Writes the disk and its partition alone (fsck.fat has no offset option).
    static func writeOut(_ disk: VirtualFatDisk<MemorySource>, in dir: URL) throws -> (disk: URL, partition: URL) {
        let diskURL = dir.appendingPathComponent("disk.img")
        try PayloadTool.write(disk, to: diskURL)
        let partURL = dir.appendingPathComponent("part.img")
        try PayloadTool.run("dd", ["if=\(diskURL.path)", "of=\(partURL.path)", "bs=512", "skip=2048", "conv=sparse", "status=none"])
        return (diskURL, partURL)
    }

    @Test func fsckFindsNothingToComplainAbout() throws {
        let dir = try PayloadTool.temporaryDirectory("fat")
        defer { try? FileManager.default.removeItem(at: dir) }
        let disk = try Self.makeDisk()
        let (_, part) = try Self.writeOut(disk, in: dir)
        let check = try PayloadTool.run("fsck.fat", ["-n", "-v", part.path])
        let report = check.text + check.stderr
        #expect(check.status == 0, "fsck.fat -n failed:\n\(report)")
        for complaint in ["share clusters", "Free cluster summary wrong", "Auto-correcting", "differ", "invalid", "Truncating", "Reclaimed", "wrong"] {
            #expect(!report.contains(complaint), "fsck.fat complains (\(complaint)):\n\(report)")
        }
        #expect(report.contains("32 bit entries"), "not seen as FAT32:\n\(report)")
    }

    @Test func mtoolsReadsEveryFileFromEveryDirectory() throws {
        let dir = try PayloadTool.temporaryDirectory("fat")
        defer { try? FileManager.default.removeItem(at: dir) }
        let disk = try Self.makeDisk()
        let (image, _) = try Self.writeOut(disk, in: dir)
        let target = image.path + "@@1M"
        for d in 0..<VirtualDirectories.count {
            let dosDir = VirtualDirectories.components[d].map { "/" + $0 }.joined()
            let listing = try PayloadTool.run("mdir", ["-b", "-i", target, "::" + (dosDir.isEmpty ? "/" : dosDir)])
            #expect(listing.status == 0, "mdir \(dosDir) failed: \(listing.stderr)")
            for (name, bytes) in Self.sampleFiles {
                #expect(listing.text.contains("\(dosDir)/\(name)\n"), "mdir of '\(dosDir)' does not show long name '\(name)':\n\(listing.text)")
                let out = dir.appendingPathComponent("out-\(d)-\(name)")
                let copy = try PayloadTool.run("mcopy", ["-n", "-i", target, "::\(dosDir)/\(name)", out.path])
                #expect(copy.status == 0, "mcopy \(dosDir)/\(name) failed: \(copy.stderr)")
                let read = try Data(contentsOf: out)
                #expect([UInt8](read) == bytes, "\(dosDir)/\(name) differs")
            }
        }
    }

    @Test func longNamesAndShortNamesAreShown() throws {
        let dir = try PayloadTool.temporaryDirectory("fat")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (image, _) = try Self.writeOut(try Self.makeDisk(), in: dir)
        let listing = try PayloadTool.run("mdir", ["-i", image.path + "@@1M", "::/EFI/Microsoft"])
        #expect(listing.text.contains("a long file name with spaces.txt"))
        #expect(listing.text.contains("Boot"), "subdirectory Boot missing:\n\(listing.text)")
        let root = try PayloadTool.run("mdir", ["-i", image.path + "@@1M", "::/Boot"])
        #expect(root.text.contains("Resources") && root.text.contains("Fonts"), "\(root.text)")
    }

    @Test func sizesMakeARealFat32() throws {
        let disk = try Self.makeDisk()
        #expect(disk.geometry.clusterCount >= 65525)
        let boot = try #require(disk.sector(2048))
        #expect(boot[510] == 0x55 && boot[511] == 0xAA)
        #expect(Array(boot[82..<90]) == Array("FAT32   ".utf8))
        let mbr = try #require(disk.sector(0))
        #expect(mbr[446 + 4] == 0x0C)
        #expect(disk.sector(disk.sectorCount) == nil)
        // Nine copies of each file's clusters, each its own chain.
        #expect(disk.geometry.usedClusters > 9)
    }

    @Test func fileOverFourGibibytesIsRefused() {
        struct Huge: ByteSource {
            var count: UInt64 { 1 << 32 }
            func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool { false }
        }
        #expect(throws: VirtualDiskError.fileTooLarge(name: "boot.wim", size: 1 << 32)) {
            try VirtualFatDisk(files: [VirtualFatFile(name: "boot.wim", source: Huge())])
        }
    }

    @Test func badNamesAreRefused() {
        #expect(throws: VirtualDiskError.duplicateName("bcd")) {
            try Self.makeDisk([("BCD", [1]), ("bcd", [2])])
        }
        #expect(throws: VirtualDiskError.reservedName("efi")) {
            try Self.makeDisk([("efi", [1])])
        }
        #expect(throws: VirtualDiskError.invalidName("a:b")) {
            try Self.makeDisk([("a:b", [1])])
        }
        #expect(throws: VirtualDiskError.invalidName("trailing.")) {
            try Self.makeDisk([("trailing.", [1])])
        }
    }
}

@Suite("Virtual FAT32 disk: cluster sizes and shared clusters")
struct FatVirtualDiskLayoutTests {
    @Test func biggerPayloadUsesBiggerClustersAndStaysClean() throws {
        let big = PayloadTool.bytes(8 << 20, seed: 11)
        let files = [("boot.wim", big), ("BCD", PayloadTool.bytes(12_345, seed: 12))]
        let disk = try FatVirtualDiskTests.makeDisk(files)
        #expect(disk.geometry.sectorsPerCluster == 2, "8 MiB x 9 at 1 KiB clusters reaches 65525 clusters")
        let dir = try PayloadTool.temporaryDirectory("fat-big")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (image, part) = try FatVirtualDiskTests.writeOut(disk, in: dir)
        let check = try PayloadTool.run("fsck.fat", ["-n", part.path])
        #expect(check.status == 0, "fsck.fat -n failed:\n\(check.text)\(check.stderr)")
        for dosDir in ["", "/Sources", "/EFI/Microsoft/Boot"] {
            let out = dir.appendingPathComponent("boot.wim")
            try? FileManager.default.removeItem(at: out)
            let copy = try PayloadTool.run("mcopy", ["-n", "-i", image.path + "@@1M", "::\(dosDir)/BOOT.WIM", out.path])
            #expect(copy.status == 0, "\(copy.stderr)")
            #expect([UInt8](try Data(contentsOf: out)) == big, "\(dosDir)/boot.wim differs")
        }
    }

    @Test func sharedClustersGiveACompactDiskWithTheSameFiles() throws {
        let files = FatVirtualDiskTests.sampleFiles
        let shared = try VirtualFatDisk(files: files.map { VirtualFatFile(name: $0.0, source: MemorySource($0.1)) }, sharedClusters: true)
        let mirrored = try FatVirtualDiskTests.makeDisk(files)
        #expect(shared.geometry.usedClusters < mirrored.geometry.usedClusters)
        let dir = try PayloadTool.temporaryDirectory("fat-shared")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (image, _) = try FatVirtualDiskTests.writeOut(shared, in: dir)
        for dosDir in ["", "/Boot/Fonts", "/EFI/Boot"] {
            for (name, bytes) in files {
                let out = dir.appendingPathComponent("out")
                try? FileManager.default.removeItem(at: out)
                let copy = try PayloadTool.run("mcopy", ["-n", "-i", image.path + "@@1M", "::\(dosDir)/\(name)", out.path])
                #expect(copy.status == 0, "\(copy.stderr)")
                #expect([UInt8](try Data(contentsOf: out)) == bytes, "\(dosDir)/\(name) differs")
            }
        }
    }
}

@Suite("Virtual FAT32 disk: many files")
struct FatVirtualDiskManyFilesTests {
    @Test func collidingLongNamesGetUniqueShortNamesAndStayClean() throws {
        var files: [(String, [UInt8])] = []
        for i in 1...30 { files.append(("longname-\(i).txt", PayloadTool.bytes(100 + i * 37, seed: UInt64(100 + i)))) }
        files.append(("x+y=z ,1;2.tar.gz", PayloadTool.bytes(999, seed: 99)))
        files.append((String(repeating: "n", count: 200) + ".bin", PayloadTool.bytes(64, seed: 98)))
        let disk = try FatVirtualDiskTests.makeDisk(files)
        let shorts = (0..<files.count).map { disk.shortNames.displayName(at: $0) }
        #expect(Set(shorts).count == shorts.count)
        #expect(shorts.contains("LONGNA~10.TXT") || shorts.contains { $0.hasPrefix("LONGN~1") }, "\(shorts)")

        let dir = try PayloadTool.temporaryDirectory("fat-many")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (image, part) = try FatVirtualDiskTests.writeOut(disk, in: dir)
        let check = try PayloadTool.run("fsck.fat", ["-n", part.path])
        #expect(check.status == 0 && !check.text.contains("\n  "), "fsck.fat -n complains:\n\(check.text)\(check.stderr)")
        let listing = try PayloadTool.run("mdir", ["-b", "-i", image.path + "@@1M", "::/Boot/Resources"])
        for (name, _) in files { #expect(listing.text.contains("/Boot/Resources/\(name)\n"), "missing \(name)") }
        for (name, bytes) in files.suffix(3) {
            let out = dir.appendingPathComponent("out")
            try? FileManager.default.removeItem(at: out)
            let copy = try PayloadTool.run("mcopy", ["-n", "-i", image.path + "@@1M", "::/Boot/Resources/\(name)", out.path])
            #expect(copy.status == 0, "\(copy.stderr)")
            #expect([UInt8](try Data(contentsOf: out)) == bytes, "\(name) differs")
        }
    }
}

extension FatVirtualDiskManyFilesTests {
    @Test func sevenHundredFilesMakeLargeDirectoriesThatStayClean() throws {
        let files = (1...700).map { ("file number \($0).txt", Array("\($0)".utf8)) }
        let disk = try FatVirtualDiskTests.makeDisk(files)
        let dir = try PayloadTool.temporaryDirectory("fat-700")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (image, part) = try FatVirtualDiskTests.writeOut(disk, in: dir)
        let check = try PayloadTool.run("fsck.fat", ["-n", part.path])
        #expect(check.status == 0 && !check.text.contains("\n  "), "fsck.fat -n complains:\n\(check.text)\(check.stderr)")
        let typed = try PayloadTool.run("mtype", ["-i", image.path + "@@1M", "::/EFI/Microsoft/Boot/file number 699.txt"])
        #expect(typed.text == "699", "\(typed.text)\(typed.stderr)")
    }
}

@Suite("Virtual FAT32 disk: multi-sector reads")
struct FatVirtualDiskReadManyTests {
    @Test func multiSectorReadsMatchSingleSectorReads() throws {
        let disk = try FatVirtualDiskTests.makeDisk()
        // Cover the MBR gap, the FATs, the directories and the file runs with odd-sized requests.
        var lba: UInt64 = 0
        var step = 1
        while lba < disk.sectorCount {
            let count = Int(min(UInt64(step), disk.sectorCount - lba))
            var many = [UInt8](repeating: 0xEE, count: count * 512)
            let ok = many.withUnsafeMutableBytes { disk.readSectors(lba, into: $0) }
            #expect(ok)
            var single: [UInt8] = []
            for k in 0..<UInt64(count) { single += try #require(disk.sector(lba + k)) }
            #expect(many == single, "sectors \(lba)..<\(lba + UInt64(count)) differ")
            if many != single { break }
            lba += UInt64(count)
            step = step % 97 + 13
        }
        var tooFar = [UInt8](repeating: 0, count: 1024)
        #expect(!tooFar.withUnsafeMutableBytes { disk.readSectors(disk.sectorCount - 1, into: $0) })
    }
}
