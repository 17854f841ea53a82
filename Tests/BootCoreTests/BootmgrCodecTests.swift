import Testing
import BootCore
import CWimlib
import TestSupport

/// The LZNT1 and XCA codecs of the PCAT bootmgr: the [MS-XCA] examples decoded exactly, round trips
/// through BootCore's encoders at the sizes around every chunk and block boundary, wimlib as an
/// independent XPRESS implementation, and broken inputs ending in typed errors.
@Suite("LZNT1 / XCA codecs")
struct BootmgrCodecTests {
    static func hex(_ text: String) -> [UInt8] { text.split(separator: " ").map { UInt8($0, radix: 16)! } }

    /// [MS-XCA] 3.3: one compressed LZNT1 chunk whose first match overlaps its own output.
    @Test func lznt1SpecificationExample() {
        let compressed = Self.hex("38 b0 88 46 23 20 00 20 47 20 41 00 10 a2 47 01 a0 45 20 44 00 08 45 01 50 79 00 c0 45 20 05 24 13 88 05 b4 02 4a 44 ef 03 58 02 8c 09 16 01 48 45 00 be 00 9e 00 04 01 18 90 00")
        let text = Array("F# F# G A A G F# E D D E F# F# E E F# F# G A A G F# E D D E F# E D D E E F# D E F# G F# D E F# G F# E D E A F# F# G A A G F# E D D E F# E D D".utf8) + [0]
        #expect(Codec.lznt1.decompress(compressed, capacity: 4096) == .success(text))
    }

    /// [MS-XCA] 3.2: the alphabet as 26 literals and the end-of-data symbol, 276 bytes.
    @Test func xcaSpecificationExample() {
        var compressed = [UInt8](repeating: 0, count: 256)
        let lengths = Self.hex("50 55 55 55 55 55 55 55 55 55 55 45 44 04")
        for (i, b) in lengths.enumerated() { compressed[48 + i] = b }
        compressed[128] = 0x04
        compressed += Self.hex("d8 52 3e d7 94 11 5b e9 19 5f f9 d6 7c df 8d 04 00 00 00 00")
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        #expect(Codec.xca.decompress(compressed, capacity: 1000) == .success(alphabet))
        // BootCore's encoder gives the same code lengths for the same symbol counts, and the
        // same 276 bytes (both follow the word-reservation rule for the padding).
        #expect(XcaEncoder.compress(alphabet).count == compressed.count)
    }

    @Test(arguments: Codec.allCases)
    func roundTrips(_ codec: Codec) {
        for kind in 0..<3 {
            for size in CodecInputs.sizes {
                let data = CodecInputs.data(kind, size)
                let packed = codec.compress(data)
                // Exact capacity and a larger one: the end of the data is found in the stream.
                #expect(codec.decompress(packed, capacity: size) == .success(data), "\(codec) kind \(kind) size \(size)")
                #expect(codec.decompress(packed, capacity: size + 70000) == .success(data), "\(codec) kind \(kind) size \(size), large buffer")
                if size > 0 {
                    #expect(codec.decompress(packed, capacity: size - 1) == .failure(.outputOverflow), "\(codec) kind \(kind) size \(size)")
                }
                if kind > 0 && size >= 4096 {
                    #expect(packed.count < size / 2, "\(codec) kind \(kind) size \(size): \(packed.count) bytes")
                }
            }
        }
    }

    /// Chopped streams never decode to the original (and never crash); flipped bits never crash.
    @Test(arguments: Codec.allCases)
    func brokenStreams(_ codec: Codec) {
        let data = CodecInputs.data(2, 140_000)
        let packed = codec.compress(data)
        for cut in stride(from: 0, to: packed.count - 1, by: max(1, packed.count / 300)) + [packed.count - 3] {
            if case .success(let out) = codec.decompress(Array(packed[0..<cut]), capacity: data.count + 1000) {
                #expect(out != data, "\(codec): a prefix of \(cut) bytes decoded to the whole data")
            }
        }
        var rng = SplitMix(seed: 99)
        for _ in 0..<300 {
            var bad = packed
            for _ in 0..<(1 + rng.below(4)) { bad[rng.below(bad.count)] ^= UInt8(1 << rng.below(8)) }
            _ = codec.decompress(bad, capacity: data.count + 1000)
        }
    }

    @Test func lznt1TypedErrors() {
        // Signature 2 instead of 3.
        #expect(Codec.lznt1.decompress([0x02, 0xA0, 0x00, 0x41, 0x42, 0x43], capacity: 100) == .failure(.invalidBlock))
        // The chunk says 16 bytes of data, 4 follow.
        #expect(Codec.lznt1.decompress([0x0F, 0xB0, 0x00, 0x41, 0x42, 0x43], capacity: 100) == .failure(.truncatedInput))
        // A copy token before any byte of the chunk.
        #expect(Codec.lznt1.decompress([0x02, 0xB0, 0x01, 0x00, 0x00], capacity: 100) == .failure(.invalidMatch))
        // "A", then displacement 2 (stored 1 in the high 4 bits) at U = 1.
        #expect(Codec.lznt1.decompress([0x03, 0xB0, 0x02, 0x41, 0x00, 0x10], capacity: 100) == .failure(.invalidMatch))
        // A stored chunk declaring 4097 bytes cannot exist (size field is 12 bits): the largest is 4096.
        let stored = [UInt8]([0xFF, 0x3F]) + [UInt8](repeating: 7, count: 4096)
        #expect(Codec.lznt1.decompress(stored, capacity: 4096) == .success([UInt8](repeating: 7, count: 4096)))
        // A short compressed chunk followed by another: the first is padded with zeros to 4 KiB.
        let two: [UInt8] = [0x01, 0xB0, 0x00, 0x41, 0x00, 0x30, 0x42]
        #expect(Codec.lznt1.decompress(two, capacity: 8192) == .success([0x41] + [UInt8](repeating: 0, count: 4095) + [0x42]))
        #expect(Codec.lznt1.decompress([], capacity: 10) == .success([]))
    }

    @Test func xcaTypedErrors() {
        #expect(Codec.xca.decompress([UInt8](repeating: 0, count: 255), capacity: 10) == .failure(.truncatedInput))
        // Every symbol 1 bit long: over-subscribed.
        #expect(Codec.xca.decompress([UInt8](repeating: 0x11, count: 300), capacity: 10) == .failure(.invalidHuffmanCode))
        // All 512 symbols 9 bits long; first symbol a match (offset 1) with nothing before it.
        var table = [UInt8](repeating: 0x99, count: 256)
        table += [0x00, 0x80, 0x00, 0x00, 0x00, 0x00]  // symbol 256 = code 256 = 1 0000 0000, word 0x8000
        #expect(Codec.xca.decompress(table, capacity: 10) == .failure(.invalidMatch))
    }

    /// wimlib's XPRESS codec is the same LZ77+Huffman for one block: it decodes BootCore's blocks,
    /// and BootCore's stream decoder reads a full 64 KiB block wimlib compressed.
    @Test func wimlibAgrees() throws {
        var decompressor: OpaquePointer?
        var compressor: OpaquePointer?
        #expect(wimlib_create_decompressor(WIMLIB_COMPRESSION_TYPE_XPRESS, 65536, &decompressor) == 0)
        #expect(wimlib_create_compressor(WIMLIB_COMPRESSION_TYPE_XPRESS, 65536, 50, &compressor) == 0)
        defer { wimlib_free_decompressor(decompressor); wimlib_free_compressor(compressor) }
        for kind in 0..<3 {
            for size in [1, 100, 4095, 4097, 65535, 65536] {
                let data = CodecInputs.data(kind, size, seed: 5)
                let packed = XcaEncoder.compress(data)
                var out = [UInt8](repeating: 0, count: size)
                let status = packed.withUnsafeBytes { p in out.withUnsafeMutableBytes { o in
                    wimlib_decompress(p.baseAddress, p.count, o.baseAddress, o.count, decompressor) } }
                #expect(status == 0 && out == data, "wimlib decoding XcaEncoder output, kind \(kind) size \(size)")
            }
            let block = CodecInputs.data(kind == 0 ? 1 : kind, 65536, seed: 6)
            var packed = [UInt8](repeating: 0, count: 65536)
            let n = block.withUnsafeBytes { b in packed.withUnsafeMutableBytes { p in
                wimlib_compress(b.baseAddress, b.count, p.baseAddress, p.count, compressor) } }
            #expect(n > 0)
            #expect(Codec.xca.decompress(Array(packed[0..<n]), capacity: 65536) == .success(block))
        }
    }
}
