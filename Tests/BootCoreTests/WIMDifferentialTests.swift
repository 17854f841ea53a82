import Foundation
import Testing
import BootCore

/// BootCore's WIM reader against wimlib: WIMs captured by `wimcapture` with each
/// compression and several chunk sizes must read back byte-identical to the captured
/// files and to `wimextract`'s output.
@Suite("WIM differential (wimlib)")
struct WIMDifferentialTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let compression: String
        let chunkSize: Int
        var testDescription: String { "\(compression) chunk \(chunkSize)" }
    }

    // wimcapture accepts XPRESS chunks of 4 KiB - 64 KiB and LZX chunks of 32 KiB - 2 MiB.
    static let cases: [Case] = [
        Case(compression: "none", chunkSize: 32768),
        Case(compression: "xpress", chunkSize: 4096),
        Case(compression: "xpress", chunkSize: 32768),
        Case(compression: "xpress", chunkSize: 65536),
        Case(compression: "lzx", chunkSize: 32768),
        Case(compression: "lzx", chunkSize: 131072),
        Case(compression: "lzx", chunkSize: 2_097_152),
    ]

    @Test(arguments: cases)
    func everyFileMatchesTheCapturedTree(_ c: Case) throws {
        let dir = try WIMTool.temporaryDirectory("diff")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tree = dir.appendingPathComponent("tree")
        // Keep the 2 MiB-chunk tree smaller: "many chunks" is still several chunks.
        let files = try WIMTestTree.make(at: tree, chunkSize: c.chunkSize, seed: UInt64(c.chunkSize) &+ UInt64(c.compression.count),
                                         large: c.chunkSize <= 131072)
        let wim = dir.appendingPathComponent("test.wim")
        try WIMTool.capture(tree, to: wim, compression: c.compression, chunkSize: c.compression == "none" ? nil : c.chunkSize)

        let archive = try WIMArchive(source: try WIMTool.load(wim))
        #expect(archive.info.imageCount == 1)
        #expect(archive.info.compression.name.lowercased() == c.compression)
        if c.compression != "none" { #expect(archive.info.chunkSize == c.chunkSize) }
        let image = try archive.image(1)
        let read = try archive.allFiles(image)
        #expect(Set(read.keys) == Set(files.keys))
        for (path, bytes) in files {
            #expect(read[path] == bytes, "\(path) differs")
        }
        // Every file through the path API too, with '\' separators and other case.
        for (path, bytes) in files {
            let windowsPath = "\\" + path.uppercased().replacingOccurrences(of: "/", with: "\\")
            let entry = try image.lookup(windowsPath)
            #expect(entry.size == UInt64(bytes.count))
            #expect(!entry.isDirectory)
        }
        #expect(try image.lookup("EmptyDir").isDirectory)
        #expect(try image.listDirectory(image.lookup("/emptydir/")).isEmpty)

        // Random partial reads, crossing chunk boundaries.
        var random = TestRandom(seed: 77)
        for path in ["Sources/boot.wim", "Sources/Setup.TXT", "Windows/System32/winload.efi"] {
            let bytes = files[path]!
            let entry = try image.lookup(path)
            for _ in 0..<12 {
                let start = Int(random.next() % UInt64(bytes.count))
                let length = Int(random.next() % UInt64(min(bytes.count - start, 3 * c.chunkSize) + 1))
                var out = [UInt8](repeating: 0, count: length)
                try out.withUnsafeMutableBytes { try archive.read(entry, at: UInt64(start), into: $0) }
                #expect(out == Array(bytes[start..<(start + length)]), "\(path) [\(start), +\(length))")
            }
        }
    }

    @Test(arguments: ["none", "xpress", "lzx"])
    func matchesWimextract(_ compression: String) throws {
        let dir = try WIMTool.temporaryDirectory("extract")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tree = dir.appendingPathComponent("tree")
        try WIMTestTree.make(at: tree, chunkSize: 32768, seed: 4242)
        let wim = dir.appendingPathComponent("test.wim")
        try WIMTool.capture(tree, to: wim, compression: compression)
        let out = dir.appendingPathComponent("out")
        try WIMTool.run("wimextract", [wim.path, "1", "--dest-dir=\(out.path)", "--no-acls"])

        let archive = try WIMArchive(source: try WIMTool.load(wim))
        let read = try archive.allFiles(try archive.image(1))
        var extracted = 0
        let walker = FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(out.standardizedFileURL.path.count + 1))
            #expect(read[relative] == [UInt8](try Data(contentsOf: url)), "\(relative) differs from wimextract")
            extracted += 1
        }
        #expect(extracted == read.count)
    }

    @Test func severalImagesAndBootIndex() throws {
        let dir = try WIMTool.temporaryDirectory("images")
        defer { try? FileManager.default.removeItem(at: dir) }
        let wim = dir.appendingPathComponent("multi.wim")
        var trees: [[String: [UInt8]]] = []
        for n in 1...3 {
            let tree = dir.appendingPathComponent("tree\(n)")
            var files = try WIMTestTree.make(at: tree, chunkSize: 32768, seed: UInt64(n) * 1000, large: false)
            let marker = Array("image \(n)\n".utf8)
            try Data(marker).write(to: tree.appendingPathComponent("which.txt"))
            files["which.txt"] = marker
            trees.append(files)
            if n == 1 {
                try WIMTool.capture(tree, to: wim, compression: "lzx", name: "image1")
            } else {
                try WIMTool.run("wimappend", [tree.path, wim.path, "image\(n)"] + (n == 2 ? ["--boot"] : []))
            }
        }
        let archive = try WIMArchive(source: try WIMTool.load(wim))
        #expect(archive.info.imageCount == 3)
        #expect(archive.info.bootIndex == 2)
        for n in 1...3 {
            let image = try archive.image(n)
            #expect(image.index == n)
            #expect(try archive.allFiles(image) == trees[n - 1])
        }
        #expect(archive.imageNames() == ["image1", "image2", "image3"])
        let boot = try archive.bootImage()
        #expect(boot.index == 2)
        #expect(try archive.readAll(boot.lookup("WHICH.TXT")) == Array("image 2\n".utf8))
        #expect(throws: WIMError.imageNotFound(4)) { try archive.image(4) }
        #expect(throws: WIMError.imageNotFound(0)) { try archive.image(0) }

        // Change the boot index with wiminfo and read it back.
        try WIMTool.run("wiminfo", [wim.path, "3", "--boot"])
        let again = try WIMArchive(source: try WIMTool.load(wim))
        #expect(again.info.bootIndex == 3)
        #expect(try again.readAll(again.bootImage().lookup("which.txt")) == Array("image 3\n".utf8))
    }

    @Test func noBootIndexIsReported() throws {
        let dir = try WIMTool.temporaryDirectory("noboot")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tree = dir.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: tree.appendingPathComponent("x"))
        let wim = dir.appendingPathComponent("t.wim")
        try WIMTool.capture(tree, to: wim, compression: "xpress")
        let archive = try WIMArchive(source: try WIMTool.load(wim))
        #expect(archive.info.bootIndex == 0)
        #expect(throws: WIMError.noBootImage) { try archive.bootImage() }
        let image = try archive.image(1)
        #expect(throws: WIMError.pathNotFound) { try image.lookup("missing") }
        #expect(throws: WIMError.notADirectory) { try image.lookup("x/y") }
        #expect(throws: WIMError.isADirectory) { try archive.readAll(image.root) }
    }
}
