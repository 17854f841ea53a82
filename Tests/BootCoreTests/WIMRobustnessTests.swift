import Foundation
import Testing
import BootCore

/// Unsupported WIM kinds give a clear error; truncated, garbage and corrupted WIMs give
/// an error (or, for damage outside what is read, correct data) — never a crash.
@Suite("WIM unsupported and damaged input")
struct WIMRobustnessTests {
    func captureSmall(_ label: String, compression: String, extra: [String] = []) throws -> (URL, [String: [UInt8]]) {
        let dir = try WIMTool.temporaryDirectory(label)
        let tree = dir.appendingPathComponent("tree")
        let files = try WIMTestTree.make(at: tree, chunkSize: 32768, seed: 31, large: false)
        let wim = dir.appendingPathComponent("t.wim")
        try WIMTool.capture(tree, to: wim, compression: compression, extra: extra)
        return (wim, files)
    }

    @Test func lzmsIsUnsupported() throws {
        let (wim, _) = try captureSmall("lzms", compression: "lzms")
        defer { try? FileManager.default.removeItem(at: wim.deletingLastPathComponent()) }
        let archive = try WIMArchive(source: try WIMTool.load(wim))
        #expect(archive.info.compression == .lzms)
        #expect(throws: WIMError.unsupported(.lzmsCompression)) { try archive.image(1) }
        #expect(WIMError.unsupported(.lzmsCompression).message.contains("LZMS"))
    }

    @Test func solidIsUnsupported() throws {
        // Default --solid: LZMS everywhere.
        let (wim, _) = try captureSmall("solid", compression: "lzx", extra: ["--solid"])
        defer { try? FileManager.default.removeItem(at: wim.deletingLastPathComponent()) }
        let archive = try WIMArchive(source: try WIMTool.load(wim))
        #expect(archive.info.hasSolidResources)
        // Metadata stays in non-solid LZX resources; file data is in the solid one.
        let image = try archive.image(1)
        let entry = try image.lookup("Sources/boot.wim")
        #expect(entry.size == UInt64(3 * 32768 + 1234))
        #expect(throws: WIMError.unsupported(.solidResource)) { try archive.readAll(entry) }
        #expect(WIMError.unsupported(.solidResource).message.contains("solid"))

        let (lzmsSolid, _) = try captureSmall("solid-lzms", compression: "lzms", extra: ["--solid"])
        defer { try? FileManager.default.removeItem(at: lzmsSolid.deletingLastPathComponent()) }
        let other = try WIMArchive(source: try WIMTool.load(lzmsSolid))
        #expect(throws: WIMError.unsupported(.lzmsCompression)) { try other.image(1) }
    }

    @Test func blobMissingFromTheTableListsButDoesNotRead() throws {
        let (wim, files) = try captureSmall("missing", compression: "lzx")
        defer { try? FileManager.default.removeItem(at: wim.deletingLastPathComponent()) }
        var bytes = [UInt8](try Data(contentsOf: wim))
        // Flip the first hash byte of every non-metadata blob table entry (50 bytes each:
        // flags at 7, hash at 30); wimcapture stores the table uncompressed.
        let tableSize = Int(bytes.le64(at: 48)! & 0x00FF_FFFF_FFFF_FFFF), tableOffset = Int(bytes.le64(at: 56)!)
        for entry in stride(from: tableOffset, to: tableOffset + tableSize, by: 50) where bytes[entry + 7] & 0x02 == 0 {
            bytes[entry + 30] ^= 0xFF
        }
        let archive = try WIMArchive(source: MemorySource(bytes))
        let image = try archive.image(1)
        let names = try image.listDirectory().map(\.name)
        #expect(names.contains("one.bin") && names.contains("Sources"))
        let one = try image.lookup("one.bin")
        #expect(one.isMissingData)
        #expect(throws: WIMError.corrupt(.missingBlob)) { try archive.readAll(one) }
        #expect(try archive.readAll(image.lookup("empty.bin")) == files["empty.bin"])
    }

    @Test func garbageAndEmpty() {
        #expect(throws: WIMError.notAWIM) { try WIMArchive(source: MemorySource([])) }
        #expect(throws: WIMError.notAWIM) { try WIMArchive(source: MemorySource(Array("hello, world".utf8))) }
        var random = TestRandom(seed: 5)
        for _ in 0..<200 {
            var bytes = random.bytes(Int(random.next() % 4096))
            if bytes.count >= 8 { bytes.replaceSubrange(0..<8, with: Array("MSWIM\0\0\0".utf8)) }
            exercise(bytes)
        }
    }

    @Test(arguments: ["xpress", "lzx"])
    func truncatedAtEveryScale(_ compression: String) throws {
        let (wim, files) = try captureSmall("trunc", compression: compression)
        defer { try? FileManager.default.removeItem(at: wim.deletingLastPathComponent()) }
        let whole = [UInt8](try Data(contentsOf: wim))
        var cuts = [0, 1, 7, 8, 100, 207, 208, 209, 300]
        for step in 1..<60 { cuts.append(whole.count * step / 60) }
        cuts += [whole.count - 1, whole.count - 100]
        for cut in cuts where cut < whole.count {
            // Whatever is read without an error must be exact.
            if let read = exercise(Array(whole.prefix(cut))) {
                #expect(read == files, "truncated at \(cut) read wrong data")
            }
        }
    }

    @Test(arguments: ["xpress", "lzx"])
    func corruptedBytesNeverCrash(_ compression: String) throws {
        let (wim, _) = try captureSmall("flip", compression: compression)
        defer { try? FileManager.default.removeItem(at: wim.deletingLastPathComponent()) }
        let whole = [UInt8](try Data(contentsOf: wim))
        var random = TestRandom(seed: compression == "lzx" ? 11 : 12)
        for _ in 0..<150 {
            var damaged = whole
            for _ in 0..<Int(random.next() % 8 + 1) {
                let at = Int(random.next() % UInt64(damaged.count))
                damaged[at] = UInt8(truncatingIfNeeded: random.next())
            }
            exercise(damaged)
        }
    }

    /// Opens, walks and reads everything it can; returns the files when nothing failed.
    @discardableResult
    func exercise(_ bytes: [UInt8]) -> [String: [UInt8]]? {
        guard let archive = try? WIMArchive(source: MemorySource(bytes)) else { return nil }
        var complete = archive.info.imageCount >= 1
        var files: [String: [UInt8]] = [:]
        for index in 1...max(1, min(archive.info.imageCount, 4)) {
            guard let image = try? archive.image(index) else { complete = false; continue }
            var visited = 0
            func walk(_ directory: WIMDirectoryEntry, _ prefix: String, depth: Int) {
                // Damaged subdirectory offsets can form cycles: bound the walk.
                guard depth < 40, visited < 5000 else { complete = false; return }
                guard let children = try? image.listDirectory(directory) else { complete = false; return }
                for child in children {
                    visited += 1
                    let path = prefix.isEmpty ? child.name : prefix + "/" + child.name
                    if child.isDirectory {
                        walk(child, path, depth: depth + 1)
                    } else if child.size <= 8 << 20, let data = try? archive.readAll(child) {
                        if index == 1 { files[path] = data }
                    } else {
                        complete = false
                    }
                }
            }
            walk(image.root, "", depth: 0)
        }
        return complete ? files : nil
    }
}
