import Foundation
import Testing
import TestSupport

/// `bcd bootmgr pack` then `bcd bootmgr extract` gives back the same bootmgr.exe in both formats;
/// what is not a PCAT bootmgr (or not an i386 image) is refused in one line.
@Suite struct BootmgrCommandTests {
    /// An i386 PE32 linked here (gcc -m32, ld -m i386pe), with 100 KiB of data so XCA needs two blocks.
    func image(in dir: URL) throws -> String {
        let source = dir.appendingPathComponent("boot.c").path, object = dir.appendingPathComponent("boot.o").path
        let exe = dir.appendingPathComponent("bootmgr.exe").path
        var text = "static int v = 1; int *p = &v;\nconst unsigned int table[25600] = {"
        var x: UInt32 = 7
        for _ in 0..<25600 { x = x &* 1_103_515_245 &+ 12345; text += "\(x >> 20 & 0xFF)," }
        text += "};\nint start(void) { return *p + (int)table[5]; }\n"
        try text.write(toFile: source, atomically: true, encoding: .utf8)
        for (tool, args) in [("gcc", ["-m32", "-ffreestanding", "-nostdlib", "-fno-pic", "-fno-ident", "-c", source, "-o", object]),
                             ("ld", ["-m", "i386pe", "-e", "start", "--dynamicbase", "-s", object, "-o", exe])] {
            let run = try BCDRunner.run(tool, args)
            #expect(run.status == 0, "\(tool): \(run.stderr)")
        }
        return exe
    }

    @Test(arguments: ["lznt1", "xca"])
    func packThenExtractIsIdentical(_ format: String) throws {
        let dir = try BCDRunner.scratch()
        let exe = try image(in: dir)
        let packed = dir.appendingPathComponent("bootmgr").path, back = dir.appendingPathComponent("back.exe").path
        let pack = try BCDRunner.bcd(["bootmgr", "pack", exe, "-o", packed, "--format", format])
        #expect(pack.status == 0, "\(pack.stderr)")
        let original = try BCDRunner.contents(exe)
        #expect(try BCDRunner.contents(packed).count < original.count, "the packed file is not smaller")
        let extract = try BCDRunner.bcd(["bootmgr", "extract", packed, "-o", back])
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stdout == "offset 0x200  format \(format)  size \(original.count)\n")
        #expect(try BCDRunner.contents(back) == original)
    }

    @Test func refusals() throws {
        let dir = try BCDRunner.scratch()
        let junk = dir.appendingPathComponent("junk").path, out = dir.appendingPathComponent("out").path
        var rng = SplitMix(seed: 4)
        try Data(rng.bytes(50_000)).write(to: URL(fileURLWithPath: junk))
        for (arguments, mentions) in [(["bootmgr", "extract", junk, "-o", out], "no compressed bootmgr.exe"),
                                      (["bootmgr", "pack", junk, "-o", out], "not an i386 PE32 image"),
                                      (["bootmgr", "extract", dir.path + "/missing", "-o", out], "No such file")] {
            let result = try BCDRunner.bcd(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(mentions), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
