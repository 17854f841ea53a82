import Testing
@testable import BootCore

/// Chunk tables of resources over 4 GiB use 64-bit entries. No tool makes such a WIM
/// quickly, so this builds the resource lazily: 131,076 XPRESS chunks of 32 KiB zeros
/// (each a hand-made 265-byte stream) and a last, raw chunk.
@Suite("WIM chunk tables")
struct WIMChunkTableTests {
    static let chunkSize = 32768
    static let total: UInt64 = (1 << 32) + 100_000
    static let chunkCount = Int((total + UInt64(chunkSize) - 1) / UInt64(chunkSize))
    static let lastChunkSize = Int(total - UInt64(chunkCount - 1) * UInt64(chunkSize))

    /// One XPRESS chunk decoding to 32768 zeros: every symbol has a 9-bit code (code ==
    /// symbol); literal 0, then match symbol 271 (offset 1, length header 15), whose
    /// length bytes 255 and 32764 follow the three words a word-at-a-time reader holds.
    static let zeroChunk: [UInt8] = {
        var chunk = [UInt8](repeating: 0x99, count: 256)
        // Bits: 000000000 100001111 then zero padding to 48 bits.
        let bits: UInt64 = (0b0_0000_0000 << 9 | 0b1_0000_1111) << (48 - 18)
        for word in [bits >> 32 & 0xFFFF, bits >> 16 & 0xFFFF, bits & 0xFFFF] {
            chunk += [UInt8(word & 0xFF), UInt8(word >> 8)]
        }
        chunk += [255, UInt8(32764 & 0xFF), UInt8(32764 >> 8)]
        return chunk
    }()

    static func lastChunkByte(_ i: Int) -> UInt8 { UInt8(truncatingIfNeeded: i &* 31 &+ 7) }

    /// The resource's stored bytes, computed on demand: 64-bit table, then the chunks.
    struct LazyResource: ByteSource {
        let tableSize = UInt64(chunkCount - 1) * 8
        var count: UInt64 { tableSize + UInt64(chunkCount - 1) * UInt64(zeroChunk.count) + UInt64(lastChunkSize) }
        func byte(at offset: UInt64) -> UInt8 {
            if offset < tableSize {
                let entry = offset / 8 + 1  // entry i-1 holds the start of chunk i
                let value = entry * UInt64(zeroChunk.count)
                return UInt8(truncatingIfNeeded: value >> (8 * (offset % 8)))
            }
            let data = offset - tableSize
            let chunk = Int(data / UInt64(zeroChunk.count))
            if chunk < chunkCount - 1 { return zeroChunk[Int(data % UInt64(zeroChunk.count))] }
            return lastChunkByte(Int(data - UInt64(chunkCount - 1) * UInt64(zeroChunk.count)))
        }
        func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
            for i in 0..<buffer.count { buffer[i] = byte(at: offset + UInt64(i)) }
            return true
        }
    }

    @Test func sixtyFourBitEntriesOverFourGiB() throws {
        let source = LazyResource()
        let resource = ResourceHeader(sizeInWIM: source.count, flags: 0x04, offset: 0, uncompressedSize: Self.total)
        var reader = try ChunkedResourceReader(compression: .xpress, chunkSize: Self.chunkSize)

        // A span across a chunk boundary past 4 GiB, inside the zero chunks.
        var zeros = [UInt8](repeating: 0xFF, count: 70_000)
        try zeros.withUnsafeMutableBytes { try reader.read(source, resource, at: (1 << 32) - 5000, into: $0) }
        #expect(zeros.allSatisfy { $0 == 0 })

        // The end: the last zero chunk, then the raw last chunk.
        let lastStart = UInt64(Self.chunkCount - 1) * UInt64(Self.chunkSize)
        var tail = [UInt8](repeating: 0xFF, count: 100 + Self.lastChunkSize)
        try tail.withUnsafeMutableBytes { try reader.read(source, resource, at: lastStart - 100, into: $0) }
        #expect(tail.prefix(100).allSatisfy { $0 == 0 })
        #expect(Array(tail.dropFirst(100)) == (0..<Self.lastChunkSize).map(Self.lastChunkByte))

        // Chunk 0 and a read of one byte in the middle.
        var one = [UInt8](repeating: 0xFF, count: 1)
        try one.withUnsafeMutableBytes { try reader.read(source, resource, at: 0, into: $0) }
        #expect(one == [0])
        try one.withUnsafeMutableBytes { try reader.read(source, resource, at: 3_000_000_001, into: $0) }
        #expect(one == [0])

        // Past the end is refused, not clamped.
        #expect(throws: WIMError.corrupt(.resource)) {
            try one.withUnsafeMutableBytes { try reader.read(source, resource, at: Self.total, into: $0) }
        }
    }

    @Test func chunkTableDamageIsAnError() throws {
        let source = LazyResource()
        // Claiming a bigger uncompressed size shifts every chunk: the table no longer fits.
        let wrong = ResourceHeader(sizeInWIM: source.count, flags: 0x04, offset: 0, uncompressedSize: 1 << 40)
        var reader = try ChunkedResourceReader(compression: .xpress, chunkSize: Self.chunkSize)
        var one = [UInt8](repeating: 0, count: 1)
        #expect(throws: WIMError.self) {
            try one.withUnsafeMutableBytes { try reader.read(source, wrong, at: 12345, into: $0) }
        }
    }
}
