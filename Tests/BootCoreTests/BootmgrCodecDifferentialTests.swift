import Foundation
import Testing
import BootCore
import TestSupport

/// BootCore's LZNT1 and XCA streams decoded by another implementation, dissect.util's (PyPI,
/// scripts/install-deps.sh): many chunks, several 64 KiB blocks with matches across them.
/// dissect's XCA decoder ignores the end-of-data symbol: it decodes until its read-ahead reaches
/// the end of the input, so its last few bytes differ (the end mark read as a 3-byte match, or
/// the last symbols, up to its 32-bit read-ahead, not read: at most 8 bytes here), and it fails when the data ends on a block boundary. For XCA the
/// test asks for the same bytes everywhere else: a wrong block layout would garble all after 64 KiB.
@Suite("LZNT1 / XCA against dissect.util")
struct BootmgrCodecDifferentialTests {
    static let script = """
    import sys
    from dissect.util.compression import lznt1, lzxpress_huffman
    codec = lznt1 if sys.argv[1] == "lznt1" else lzxpress_huffman
    data = open(sys.argv[2], "rb").read()
    open(sys.argv[3], "wb").write(codec.decompress(data))
    """

    @Test(arguments: Codec.allCases)
    func otherDecoderReadsOurStreams(_ codec: Codec) throws {
        let dir = try PayloadTool.temporaryDirectory("codec-diff")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("decode.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        for kind in 0..<3 {
            for size in codec == .lznt1 ? [1, 4097, 65536, 65537, 300 * 1024] : [4097, 65537, 140_000, 300 * 1024 + 1] {
                let data = CodecInputs.data(kind, size, seed: 21)
                let packed = dir.appendingPathComponent("packed"), out = dir.appendingPathComponent("out")
                try Data(codec.compress(data)).write(to: packed)
                let run = try PayloadTool.run("python3", [script.path, codec == .lznt1 ? "lznt1" : "xca", packed.path, out.path])
                #expect(run.status == 0, "\(codec) kind \(kind) size \(size): \(run.stderr)")
                let theirs = Array(try Data(contentsOf: out))
                if codec == .lznt1 {
                    #expect(theirs == data, "\(codec) kind \(kind) size \(size)")
                } else {
                    let common = min(theirs.count, data.count)
                    #expect(abs(theirs.count - data.count) <= 8 && Array(theirs[0..<common]) == Array(data[0..<common]),
                            "\(codec) kind \(kind) size \(size): \(theirs.count) bytes")
                }
            }
        }
    }
}
