import Testing
import BootCore

/// Hand-built XPRESS and LZX streams for the rules real captures rarely hit, and garbage
/// that must end in an error, never a crash. (Real streams: WIMDifferentialTests.)
@Suite("XPRESS / LZX decoders")
struct CompressionDecoderTests {
    /// MSB-first bit writer emitting 16-bit little-endian words, the order both formats use.
    struct BitWriter {
        var bytes: [UInt8] = []
        var word: UInt32 = 0
        var used = 0
        mutating func put(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) {
                word = word << 1 | UInt32((value >> i) & 1)
                used += 1
                if used == 16 { flush() }
            }
        }
        mutating func flush() {
            guard used > 0 else { return }
            word <<= UInt32(16 - used)
            bytes += [UInt8(word & 0xFF), UInt8(word >> 8)]
            word = 0
            used = 0
        }
    }

    func xpress(_ input: [UInt8], outputCount: Int) throws(DecompressionError) -> [UInt8] {
        var decoder = XpressDecoder()
        var out = [UInt8](repeating: 0, count: outputCount)
        let failure = input.withUnsafeBytes { inp in
            out.withUnsafeMutableBytes { o -> DecompressionError? in
                do throws(DecompressionError) { try decoder.decompress(inp, into: o); return nil } catch { return error }
            }
        }
        if let failure { throw failure }
        return out
    }

    func lzx(_ input: [UInt8], outputCount: Int, chunkSize: Int = 32768) throws(DecompressionError) -> [UInt8] {
        var decoder = try LzxDecoder(chunkSize: chunkSize)
        var out = [UInt8](repeating: 0, count: outputCount)
        let failure = input.withUnsafeBytes { inp in
            out.withUnsafeMutableBytes { o -> DecompressionError? in
                do throws(DecompressionError) { try decoder.decompress(inp, into: o); return nil } catch { return error }
            }
        }
        if let failure { throw failure }
        return out
    }

    @Test func xpressLiteralsAndOverlappingMatch() throws {
        // All 512 symbols with 9-bit codes: a complete code where code == symbol.
        var stream = [UInt8](repeating: 0x99, count: 256)
        var bits = BitWriter()
        for c in "abc".utf8 { bits.put(Int(c), 9) }
        // Match: length 9 (header 6), offset 3 = 1 << 1 | 1 -> symbol 256 + 1 << 4 + 6.
        bits.put(256 + (1 << 4) + 6, 9)
        bits.put(1, 1)
        bits.flush()
        stream += bits.bytes
        #expect(try xpress(stream, outputCount: 12) == Array("abcabcabcabc".utf8))
    }

    @Test func xpressRejectsBadInput() {
        #expect(throws: DecompressionError.truncatedInput) { try xpress([1, 2, 3], outputCount: 10) }
        // Every symbol with a 1-bit code: over-subscribed.
        #expect(throws: DecompressionError.invalidHuffmanCode) {
            try xpress([UInt8](repeating: 0x11, count: 300), outputCount: 10)
        }
        // A match before the start of the output.
        var stream = [UInt8](repeating: 0x99, count: 256)
        var bits = BitWriter()
        bits.put(256 + (1 << 4) + 6, 9)
        bits.put(1, 1)
        bits.flush()
        stream += bits.bytes
        #expect(throws: DecompressionError.invalidMatch) { try xpress(stream, outputCount: 12) }
        // An empty code (all lengths 0) cannot decode anything.
        #expect(throws: DecompressionError.invalidHuffmanCode) {
            try xpress([UInt8](repeating: 0, count: 260), outputCount: 4)
        }
    }

    /// An uncompressed LZX block: type 3, explicit 16-bit size, padding to 16 bits,
    /// R0-R2, the bytes, a pad byte for odd sizes — then E8 translation applies.
    func uncompressedBlock(_ payload: [UInt8], recent: [UInt32] = [1, 1, 1]) -> [UInt8] {
        var bits = BitWriter()
        bits.put(3, 3)
        bits.put(0, 1)
        bits.put(payload.count, 16)
        bits.flush()  // 20 bits used: pad to 32
        var out = bits.bytes
        for r in recent { out += [UInt8(r & 0xFF), UInt8(r >> 8 & 0xFF), UInt8(r >> 16 & 0xFF), UInt8(r >> 24)] }
        out += payload
        if payload.count % 2 == 1 { out.append(0) }
        return out
    }

    @Test func lzxUncompressedBlockUndoesCallTranslation() throws {
        // E8 at position 1 with absolute target 100 -> relative 99; E8 at 6 with -1 ->
        // -1 + 12000000; bytes in the last 10 are left alone.
        var payload: [UInt8] = [0x90, 0xE8, 100, 0, 0, 0, 0xE8, 0xFF, 0xFF, 0xFF, 0xFF]
        // This E8 sits exactly 10 bytes before the end: untouched.
        payload += [0xE8, 5, 0, 0, 0] + [UInt8](repeating: 0x90, count: 5)
        var expected = payload
        expected[2] = 99
        let translated = UInt32(bitPattern: Int32(-1 + 12_000_000))
        expected[7] = UInt8(translated & 0xFF)
        expected[8] = UInt8(translated >> 8 & 0xFF)
        expected[9] = UInt8(translated >> 16 & 0xFF)
        expected[10] = UInt8(translated >> 24)
        #expect(payload.count == 21)
        #expect(try lzx(uncompressedBlock(payload), outputCount: payload.count) == expected)
    }

    @Test func lzxRejectsBadInput() {
        #expect(throws: DecompressionError.unsupportedChunkSize) { try LzxDecoder(chunkSize: 4 << 20) }
        // Block type 0 is not a block type.
        #expect(throws: DecompressionError.invalidBlock) { try lzx([0x00, 0x00, 0, 0], outputCount: 16) }
        // A zero recent offset in an uncompressed block.
        #expect(throws: DecompressionError.invalidBlock) {
            try lzx(uncompressedBlock([1, 2, 3, 4], recent: [0, 1, 1]), outputCount: 4)
        }
        // Block larger than the chunk.
        #expect(throws: DecompressionError.invalidBlock) { try lzx(uncompressedBlock([1, 2, 3, 4]), outputCount: 3) }
        // Data missing.
        #expect(throws: DecompressionError.truncatedInput) {
            try lzx(Array(uncompressedBlock([UInt8](repeating: 7, count: 40)).prefix(30)), outputCount: 40)
        }
    }

    @Test func garbageNeverCrashes() {
        var random = TestRandom(seed: 99)
        for round in 0..<400 {
            let length = Int(random.next() % 3000)
            var input = random.bytes(length)
            // Half the XPRESS inputs get a plausible, complete-ish length table.
            if round % 2 == 0 && input.count > 256 { for i in 0..<256 { input[i] = 0x99 } }
            _ = try? xpress(input, outputCount: Int(random.next() % 65536) + 1)
            _ = try? lzx(input, outputCount: Int(random.next() % 32768) + 1)
            _ = try? lzx(input, outputCount: Int(random.next() % 200_000) + 1, chunkSize: 1 << 18)
        }
    }
}
