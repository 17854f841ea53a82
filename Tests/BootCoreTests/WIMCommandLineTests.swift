import Foundation
import TestSupport
import Testing

/// `bcd wim info|ls|cat` end to end: the real binary (built beside this test bundle, or
/// $BCD_BINARY) on WIMs made by wimcapture. Bad input: one line on stderr, non-zero exit.
@Suite("bcd wim commands")
struct WIMCommandLineTests {
    typealias Run = ProgramRun

    static var binary: String { Programs.bcdBinary }

    func bcd(_ arguments: [String], in dir: URL) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw WIMTool.Failure(description: "the bcd binary was not found at \(Self.binary) (run swift build, or set BCD_BINARY)")
        }
        return try Programs.run(Self.binary, arguments)
    }

    func expectOneLineError(_ run: Run, containing text: String, _ comment: String) {
        #expect(run.status != 0, "\(comment): exit status")
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(comment): stderr was \(run.stderr)")
        #expect(run.stderr.contains(text), "\(comment): stderr was \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(comment): stdout not empty")
    }

    @Test func infoListAndCat() throws {
        let dir = try WIMTool.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tree = dir.appendingPathComponent("tree")
        let files = try WIMTestTree.make(at: tree, chunkSize: 32768, seed: 8, large: false)
        let wim = dir.appendingPathComponent("t.wim")
        try WIMTool.capture(tree, to: wim, compression: "lzx", name: "first")
        try WIMTool.run("wimappend", [tree.appendingPathComponent("Sources").path, wim.path, "second", "--boot"])

        let info = try bcd(["wim", "info", wim.path], in: dir)
        #expect(info.status == 0)
        let text = String(decoding: info.stdoutData, as: UTF8.self)
        for line in ["Images:       2", "Boot index:   2", "Compression:  LZX", "Chunk size:   32768", "first", "second  [boot]"] {
            #expect(text.contains(line), "info lacks \(line): \(text)")
        }

        // ls defaults to the boot image (2 = the Sources directory); --index 1 is the full tree.
        let bootRoot = String(decoding: try bcd(["wim", "ls", wim.path], in: dir).stdoutData, as: UTF8.self)
        #expect(bootRoot.contains("boot.wim") && bootRoot.contains("Setup.TXT") && !bootRoot.contains("Windows"))
        let root = try bcd(["wim", "ls", wim.path, "--index", "1"], in: dir)
        let rootText = String(decoding: root.stdoutData, as: UTF8.self)
        #expect(root.status == 0)
        for name in ["Sources", "Windows", "empty.bin", "EmptyDir"] { #expect(rootText.contains(name), "ls lacks \(name)") }
        let sub = String(decoding: try bcd(["wim", "ls", wim.path, "\\windows\\SYSTEM32", "--index", "1"], in: dir).stdoutData, as: UTF8.self)
        #expect(sub.contains("winload.efi") && sub.contains("small.dll"))

        for path in ["Windows/System32/winload.efi", "one.bin", "empty.bin", "Sources/boot.wim"] {
            let cat = try bcd(["wim", "cat", wim.path, path, "--index", "1"], in: dir)
            #expect(cat.status == 0)
            #expect([UInt8](cat.stdoutData) == files[path], "cat \(path)")
        }
        let bootCat = try bcd(["wim", "cat", wim.path, "\\BOOT.WIM"], in: dir)
        #expect([UInt8](bootCat.stdoutData) == files["Sources/boot.wim"])
    }

    @Test func badInputIsOneLineAndNonZero() throws {
        let dir = try WIMTool.temporaryDirectory("cli-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let tree = dir.appendingPathComponent("tree")
        try WIMTestTree.make(at: tree, chunkSize: 32768, seed: 9, large: false)
        let wim = dir.appendingPathComponent("t.wim")
        try WIMTool.capture(tree, to: wim, compression: "xpress")
        let lzms = dir.appendingPathComponent("lzms.wim")
        try WIMTool.capture(tree, to: lzms, compression: "lzms")
        let solid = dir.appendingPathComponent("solid.wim")
        try WIMTool.capture(tree, to: solid, compression: "lzx", extra: ["--solid"])
        let garbage = dir.appendingPathComponent("garbage.wim")
        try Data("this is not a WIM at all".utf8).write(to: garbage)
        let truncated = dir.appendingPathComponent("truncated.wim")
        try Data(try Data(contentsOf: wim).prefix(600)).write(to: truncated)

        expectOneLineError(try bcd(["wim", "info", dir.appendingPathComponent("missing.wim").path], in: dir), containing: "missing.wim", "missing file")
        expectOneLineError(try bcd(["wim", "info", garbage.path], in: dir), containing: "not a WIM", "garbage")
        expectOneLineError(try bcd(["wim", "ls", truncated.path], in: dir), containing: "truncated", "truncated")
        expectOneLineError(try bcd(["wim", "cat", wim.path, "no/such/file"], in: dir), containing: "no such file", "missing path")
        expectOneLineError(try bcd(["wim", "cat", wim.path, "Windows"], in: dir), containing: "is a directory", "directory")
        expectOneLineError(try bcd(["wim", "ls", wim.path, "--index", "7"], in: dir), containing: "no image 7", "bad index")
        expectOneLineError(try bcd(["wim", "cat", lzms.path, "one.bin"], in: dir), containing: "LZMS", "lzms")
        expectOneLineError(try bcd(["wim", "cat", solid.path, "Sources/boot.wim"], in: dir), containing: "solid", "solid")
    }
}
