import Foundation
import Testing
@testable import BootCore

@Suite("newc cpio reader")
struct CpioReaderTests {
    /// Builds an archive with GNU cpio from a small tree, returning its bytes and the files.
    static func makeArchive() throws -> ([UInt8], [String: [UInt8]]) {
        let dir = try PayloadTool.temporaryDirectory("cpio")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files: [String: [UInt8]] = [
            "bootmgr.efi": PayloadTool.bytes(1234, seed: 21),
            "BCD": PayloadTool.bytes(3, seed: 22),
            "sub/boot.sdi": PayloadTool.bytes(4096, seed: 23),
            "empty": [],
            "a name with spaces.txt": PayloadTool.bytes(77, seed: 24),
        ]
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let list = (["sub"] + files.keys.sorted()).joined(separator: "\n") + "\n"
        let out = try PayloadTool.run("cpio", ["-o", "-H", "newc", "--quiet"], currentDirectory: dir, stdin: Data(list.utf8))
        guard out.status == 0 else { throw PayloadTool.Failure(description: "cpio -o failed: \(out.stderr)") }
        return ([UInt8](out.stdout), files)
    }

    @Test func listsAnArchiveMadeByGnuCpio() throws {
        let (archive, files) = try Self.makeArchive()
        let source = MemorySource(archive)
        let entries = try CpioReader.entries(of: source)
        #expect(entries.map(\.name) == ["sub"] + files.keys.sorted())
        #expect(entries[0].isDirectory)
        for entry in entries.dropFirst() {
            #expect(entry.isRegularFile)
            let expected = try #require(files[entry.name])
            #expect(entry.size == UInt64(expected.count))
            #expect(source.bytes(at: entry.dataOffset, length: Int(entry.size)) == expected, "\(entry.name) data differs")
        }
    }

    @Test func truncatedArchivesGiveAnError() throws {
        let (archive, _) = try Self.makeArchive()
        // Cut inside the first header, inside a name, inside data, and inside the trailer's
        // name (GNU cpio pads after the trailer with zeros, which may be cut freely).
        let trailer = Array("TRAILER!!!".utf8)
        let trailerAt = try #require((0..<archive.count - trailer.count).first { Array(archive[$0..<$0 + trailer.count]) == trailer })
        for cut in [50, 115, 300, trailerAt + 4] {
            #expect(throws: CpioError.self, "cut at \(cut)") {
                _ = try CpioReader.entries(of: MemorySource(Array(archive[0..<cut])))
            }
        }
        let entries = try CpioReader.entries(of: MemorySource(archive))
        let lastData = entries.last { $0.size > 0 }!
        #expect(throws: CpioError.truncated(offset: lastData.headerOffset)) {
            _ = try CpioReader.entries(of: MemorySource(Array(archive[0..<Int(lastData.dataOffset + lastData.size - 1)])))
        }
    }

    @Test func badHeadersAreRejected() throws {
        let (archive, _) = try Self.makeArchive()
        var bad = archive
        bad[0] = UInt8(ascii: "1")
        #expect(throws: CpioError.badMagic(offset: 0)) { _ = try CpioReader.entries(of: MemorySource(bad)) }
        bad = archive
        bad[6 + 8 * 6] = UInt8(ascii: "g")                      // filesize field
        #expect(throws: CpioError.badField(offset: 0, field: "filesize")) { _ = try CpioReader.entries(of: MemorySource(bad)) }
        bad = archive
        for i in 0..<8 { bad[6 + 8 * 6 + i] = UInt8(ascii: "f") } // size 0xffffffff
        #expect(throws: CpioError.truncated(offset: 0)) { _ = try CpioReader.entries(of: MemorySource(bad)) }
        bad = archive
        for i in 0..<8 { bad[6 + 8 * 11 + i] = UInt8(ascii: "0") } // namesize 0
        #expect(throws: CpioError.badName(offset: 0)) { _ = try CpioReader.entries(of: MemorySource(bad)) }
    }

    /// One newc member as GRUB's `initrd16 newc:NAME:PATH` writes it: namesize without the NUL.
    static func grubMember(_ name: String, _ data: [UInt8]) -> [UInt8] {
        func hex(_ v: Int) -> String { let h = String(v, radix: 16); return String(repeating: "0", count: 8 - h.count) + h }
        let fields = [0, 0o100644, 0, 0, 1, 0, data.count, 0, 0, 0, 0, name.utf8.count, 0]
        var out = Array(("070701" + fields.map(hex).joined()).utf8) + Array(name.utf8)
        while out.count % 4 != 0 { out.append(0) }
        out += data
        while out.count % 4 != 0 { out.append(0) }
        return out
    }

    @Test func grubNewcMembersWithoutTheNameNulAreRead() throws {
        // 110 + 11 name bytes: the NUL-less name is followed by padding; 110 + 2: no padding at all.
        let exe = PayloadTool.bytes(5120, seed: 31), two = PayloadTool.bytes(7, seed: 32)
        let archive = Self.grubMember("bootmgr.exe", exe) + Self.grubMember("ab", two) + Self.grubMember("TRAILER!!!", [])
        let source = MemorySource(archive)
        let entries = try CpioReader.entries(of: source)
        #expect(entries.map(\.name) == ["bootmgr.exe", "ab"])
        #expect(source.bytes(at: entries[0].dataOffset, length: exe.count) == exe)
        #expect(entries[0].dataOffset == 124)
        #expect(source.bytes(at: entries[1].dataOffset, length: two.count) == two)
        // A name with a NUL inside is still refused.
        #expect(throws: CpioError.badName(offset: 0)) { _ = try CpioReader.entries(of: MemorySource(Self.grubMember("a\0b", two))) }
    }

    @Test func concatenatedArchivesWithPaddingAreRead() throws {
        let (archive, files) = try Self.makeArchive()
        let joined = archive + [UInt8](repeating: 0, count: 512) + archive
        let entries = try CpioReader.entries(of: MemorySource(joined))
        #expect(entries.count == 2 * (files.count + 1))
    }
}
