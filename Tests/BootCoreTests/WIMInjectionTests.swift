import Foundation
import Testing
import BootCore
import TestSupport

/// BootCore's WIM injection (issue 20) on WIMs captured by wimlib, read back with BootCore's own
/// reader: the spans, the injected and the kept files, the loader's "not injected" rule, the
/// name rules and every refusal. (scripts/test.d/33-wim-inject.sh checks the result with wimlib.)
@Suite("WIM injection")
struct WIMInjectionTests {
    /// A source whose bytes must never be read (the size limit is checked first).
    struct HugeSource: ByteSource {
        var count: UInt64 { 1 << 32 }
        func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool { false }
    }

    static func makeWIM(_ label: String, compression: String = "lzx", system32: Bool = true, extra: [String] = []) throws -> (URL, MemorySource) {
        let dir = try WIMTool.temporaryDirectory(label)
        let tree = dir.appendingPathComponent("tree")
        let s32 = tree.appendingPathComponent(system32 ? "Windows/System32" : "Windows/Other")
        try FileManager.default.createDirectory(at: s32.appendingPathComponent("drivers"), withIntermediateDirectories: true)
        var random = SplitMix(seed: 33)
        try Data("[LaunchApps]\r\nold\r\n".utf8).write(to: s32.appendingPathComponent("winpeshl.ini"))
        try Data(random.bytes(70000)).write(to: s32.appendingPathComponent("a.dll"))
        try Data(random.bytes(100)).write(to: s32.appendingPathComponent("zz.dat"))
        try Data(random.bytes(10)).write(to: s32.appendingPathComponent("drivers/x.sys"))
        let wim = dir.appendingPathComponent("t.wim")
        try WIMTool.capture(tree, to: wim, compression: compression, extra: extra)
        return (dir, try WIMTool.load(wim))
    }

    static func file(_ name: String, _ bytes: [UInt8]) -> WIMInjectedFile<MemorySource> {
        WIMInjectedFile(name: Array(name.utf16), source: MemorySource(bytes))
    }

    static func whole<S: ByteSource>(_ source: S) -> [UInt8] {
        source.bytes(at: 0, length: Int(source.count)) ?? []
    }

    @Test func notInjectedAsWimboot() {
        for name in ["BCD", "bcd", "boot.stl", "BOOTMGR", "bootmgr.exe", "boot.wim", "x.WIM", "boot.sdi", "bootx64.efi",
                     "bootmgfw.EFI", "segoe_slboot.ttf", "wgl4_boot.TTF", "startup.nsh", "STARTUP.NSH"] {
            #expect(!WIMInjectionRule.isInjected(Array(name.utf8)), "\(name) must not be injected")
        }
        for name in ["startnet.cmd", "winpeshl.ini", "bcd.txt", "bootmgr.bak", "script.ps1", "wim", "driver.inf"] {
            #expect(WIMInjectionRule.isInjected(Array(name.utf8)), "\(name) must be injected")
        }
        #expect(WIMInjectionRule.exclusion(of: "BCD") == .bootFile)
        #expect(WIMInjectionRule.exclusion(of: "boot.wim") == .bootFileType)
        #expect(WIMInjectionRule.exclusion(of: "WIMBOOT", loaderName: "wimboot") == .loader)
        #expect(WIMInjectionRule.exclusion(of: "wimboot") == nil)
        let inputs = ["bootmgfw.efi", "BCD", "boot.sdi", "boot.wim", "startnet.cmd", "wimboot", "winpeshl.ini", "segmono_boot.ttf"]
        #expect(WIMInjectionRule.injected(among: inputs.map { Array($0.utf8) }, loaderName: Array("wimboot".utf8)) == [4, 6])
    }

    @Test func nameRules() {
        func problem(_ s: String) -> WIMNameProblem? { WIMNameProblem.of(Array(s.utf16)) }
        #expect(problem("startnet.cmd") == nil)
        #expect(problem("Ünïcode файл.txt") == nil)
        #expect(problem("") == .empty)
        #expect(problem(".") == .dotName)
        #expect(problem("..") == .dotName)
        #expect(problem(String(repeating: "x", count: 256)) == .tooLong)
        #expect(problem(String(repeating: "x", count: 255)) == nil)
        for bad in ["a:b", "a\\b", "a/b", "a*", "a?", "a\"b", "<a", "a>", "a|b", "tab\there"] {
            #expect(problem(bad) == .reservedCharacter, "\(bad)")
        }
        #expect(problem("a.") == .trailingDotOrSpace)
        #expect(problem("a ") == .trailingDotOrSpace)
    }

    @Test(arguments: ["none", "xpress", "lzx"])
    func injectedFilesReadBackThroughBootCore(_ compression: String) throws {
        let (dir, source) = try Self.makeWIM("inject-\(compression)", compression: compression)
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = try WIMArchive(source: source)
        let before = try archive.image(1)
        let oldChildren = try before.listDirectory(try before.lookup("\\Windows\\System32"))
        var random = SplitMix(seed: 7)
        let big = random.bytes(200_001)
        let files = [Self.file("startnet.cmd", Array("wpeinit\r\n".utf8)), Self.file("WinPEshl.INI", Array("[LaunchApps]\r\nnew\r\n".utf8)),
                     Self.file("big.bin", big), Self.file("empty", []), Self.file("b.dll", big)]
        let view = try archive.injecting(files, intoImage: 1)

        // The spans tile the file; the view reads what the concatenation holds, at any offset.
        var at: UInt64 = 0
        for span in view.spans {
            #expect(span.start == at && span.length > 0)
            at += span.length
        }
        #expect(at == view.size)
        let patched = WIMPatchedSource(view: view, wim: source, files: files.map(\.source))
        let all = Self.whole(patched)
        #expect(all.count == Int(view.size))
        #expect(Array(all[208..<Int(source.count)]) == Array(Self.whole(source)[208...]), "original bytes are served in place")
        for _ in 0..<200 {
            let offset = random.below(all.count)
            let length = min(all.count - offset, random.below(70000))
            #expect(patched.bytes(at: UInt64(offset), length: length).map { $0 == Array(all[offset..<(offset + length)]) } == true)
        }
        #expect(patched.bytes(at: view.size - 1, length: 2) == nil)
        #expect(view.files.map(\.replacesExisting) == [false, true, false, false, false])
        #expect(view.files[0].hash == SHA1Hasher.digest(Array("wpeinit\r\n".utf8)))
        #expect(view.files[3].hash.isZero)
        // One blob for big.bin and b.dll (same content).
        #expect(view.spans.filter { if case .file = $0.content { return true } else { return false } }.count == 3)

        let reread = try WIMArchive(source: MemorySource(all))
        #expect(reread.info.bootIndex == 1)
        let image = try reread.image(1)
        let system32 = try image.lookup("\\windows\\system32")
        let children = try image.listDirectory(system32)
        #expect(children.map(\.name) == ["a.dll", "b.dll", "big.bin", "drivers", "empty", "startnet.cmd", "WinPEshl.INI", "zz.dat"])
        for file in files {
            let entry = try image.lookup("\\Windows\\System32\\" + String(decoding: file.name, as: UTF16.self))
            #expect(try reread.readAll(entry) == Self.whole(file.source))
        }
        for old in oldChildren where old.name != "winpeshl.ini" && !old.isDirectory {
            #expect(try reread.readAll(try image.lookup("\\Windows\\System32\\" + old.name)) == (try archive.readAll(old)))
        }
        #expect(try reread.readAll(try image.lookup("\\Windows\\System32\\drivers\\x.sys")).count == 10)
    }

    @Test func secondImageBecomesTheBootImage() throws {
        let (dir, _) = try Self.makeWIM("inject-multi")
        defer { try? FileManager.default.removeItem(at: dir) }
        let wim = dir.appendingPathComponent("t.wim")
        try WIMTool.run("wimappend", [dir.appendingPathComponent("tree").path, wim.path, "two"])
        let two = try WIMTool.load(wim)
        let archive = try WIMArchive(source: two)
        let files = [Self.file("startnet.cmd", [1, 2, 3])]
        let view = try archive.injecting(files, intoImage: 2)
        #expect(view.imageIndex == 2)
        let reread = try WIMArchive(source: WIMPatchedSource(view: view, wim: two, files: files.map(\.source)))
        #expect(reread.info.bootIndex == 2)
        #expect(try reread.readAll(try reread.image(2).lookup("\\Windows\\System32\\startnet.cmd")) == [1, 2, 3])
        #expect(throws: WIMError.pathNotFound) { try reread.image(1).lookup("\\Windows\\System32\\startnet.cmd") }
        #expect(throws: WIMInjectionError.wim(.imageNotFound(3))) { try archive.injecting(files, intoImage: 3) }
    }

    @Test func refusals() throws {
        let (dir, source) = try Self.makeWIM("inject-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = try WIMArchive(source: source)
        let one = Self.file("a.txt", [1])
        #expect(throws: WIMInjectionError.invalidName(Array("a:b".utf16), .reservedCharacter)) {
            try archive.injecting([Self.file("a:b", [1])], intoImage: 1)
        }
        #expect(throws: WIMInjectionError.duplicateName(Array("A.TXT".utf16))) {
            try archive.injecting([one, Self.file("A.TXT", [2])], intoImage: 1)
        }
        #expect(throws: WIMInjectionError.replacesDirectory(Array("DRIVERS".utf16))) {
            try archive.injecting([Self.file("DRIVERS", [2])], intoImage: 1)
        }
        #expect(throws: WIMInjectionError.tooLarge(source.count + (1 << 32))) {
            try archive.injecting([WIMInjectedFile(name: Array("huge".utf16), source: HugeSource())], intoImage: 1)
        }
        let (dir2, noSystem32) = try Self.makeWIM("inject-nosys", system32: false)
        defer { try? FileManager.default.removeItem(at: dir2) }
        #expect(throws: WIMInjectionError.noSystem32) { try WIMArchive(source: noSystem32).injecting([one], intoImage: 1) }
        let (dir3, lzms) = try Self.makeWIM("inject-lzms", compression: "lzms")
        defer { try? FileManager.default.removeItem(at: dir3) }
        #expect(throws: WIMInjectionError.lzmsCompression) { try WIMArchive(source: lzms).injecting([one], intoImage: 1) }
        let (dir4, solid) = try Self.makeWIM("inject-solid", compression: "lzx", extra: ["--solid"])
        defer { try? FileManager.default.removeItem(at: dir4) }
        #expect(throws: WIMInjectionError.solidResources) { try WIMArchive(source: solid).injecting([one], intoImage: 1) }
        for error in [WIMInjectionError.lzmsCompression, .solidResources, .tooLarge(1), .noSystem32, .duplicateName([0x41]),
                      .invalidName([0x41], .empty), .replacesDirectory([0x41]), .unreadableFile([0x41]), .wim(.notAWIM)] {
            #expect(!error.message.isEmpty && !error.message.contains("\n"))
        }
    }
}
