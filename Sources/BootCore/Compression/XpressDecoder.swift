/// XPRESS Huffman ("LZ77+Huffman", [MS-XCA] 2.1-2.2) as WIM uses it: each chunk is one
/// independent stream whose uncompressed size is known from the chunk table, so there is
/// no end-of-stream symbol to look for and one Huffman table covers the whole chunk
/// (WIM chunks for XPRESS are at most 64 KiB, the format's table period).
public struct XpressDecoder {
    /// 256 literals + 16 offset-bit counts x 16 length headers.
    static let symbolCount = 512
    static let maxCodeLength = 15
    static let primaryBits = 11
    /// The chunk starts with 256 bytes holding one 4-bit codeword length per symbol.
    static let lengthTableSize = 256
    static let minimumMatch = 3

    private let table = HuffmanDecodeTable(symbolCount: 512, primaryBits: 11, maxCodeLength: 15)
    private var lengths = [UInt8](repeating: 0, count: 512)

    public init() {}

    /// Decodes one chunk; `output.count` is the chunk's uncompressed size.
    public mutating func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(DecompressionError) {
        try readTable(input, at: 0)
        guard output.count > 0 else { return }
        let out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var bits = BitReader(input, from: Self.lengthTableSize)
        let end = Self.decodeBlock(&bits, table.entries, out, from: 0, to: output.count, limit: output.count, endOfData: false)
        if let failure = end.failure { throw failure }
        guard !bits.overran else { throw .truncatedInput }
    }

    /// Builds the Huffman table from the 256 bytes at `offset` of `input` (caller checked they are there).
    /// Symbol 2k's length is the low nibble of byte k, symbol 2k+1's the high nibble.
    mutating func readTable(_ input: UnsafeRawBufferPointer, at offset: Int) throws(DecompressionError) {
        guard input.count - offset >= Self.lengthTableSize else { throw .truncatedInput }
        for k in 0..<Self.lengthTableSize {
            let byte = input[offset + k]
            lengths[2 * k] = byte & 0x0F
            lengths[2 * k + 1] = byte >> 4
        }
        try lengths.withUnsafeBufferPointer { (lens) throws(DecompressionError) in
            try table.build(lengths: lens)
        }
    }

    var tableEntries: UnsafePointer<UInt32> { UnsafePointer(table.entries) }

    /// Where one block's decoding stopped: the output position, whether the end-of-data symbol
    /// ended it, or why it failed.
    struct BlockEnd {
        var position: Int
        var endOfData = false
        var failure: DecompressionError? = nil
    }

    /// The hot loop: literals and matches from `start` until the output position reaches
    /// `blockEnd` (a match may run past it, up to `limit`, the output's size). Matches reach back
    /// into everything decoded before `start` too. With `endOfData`, symbol 256 read when the
    /// stream has consumed all its input is the end-of-data mark ([MS-XCA] 2.2.4), not a match.
    @inline(__always)
    static func decodeBlock(
        _ stream: inout BitReader, _ t: UnsafePointer<UInt32>, _ out: UnsafeMutablePointer<UInt8>,
        from start: Int, to blockEnd: Int, limit: Int, endOfData: Bool
    ) -> BlockEnd {
        // A local copy keeps the bit buffer in registers.
        var bits = stream
        defer { stream = bits }
        var pos = start
        while pos < blockEnd {
            let symbol = bits.decodeSymbol(t, primaryBits: Self.primaryBits)
            if symbol < 256 {
                if symbol < 0 { return BlockEnd(position: pos, failure: .invalidHuffmanCode) }
                if pos >= limit { return BlockEnd(position: pos, failure: .outputOverflow) }
                out[pos] = UInt8(truncatingIfNeeded: symbol)
                pos &+= 1
                continue
            }
            if endOfData && symbol == 256 {
                // The reader's state as [MS-XCA]'s word-at-a-time one would be after this symbol.
                bits.ensure(16)
                bits.dropReadAhead(keeping: 16)
                if bits.position >= bits.end { return BlockEnd(position: pos, endOfData: true) }
            }
            var length = symbol & 0x0F
            let offsetBits = (symbol >> 4) & 0x0F
            // [MS-XCA]: the stream is refilled to >= 16 bits after each symbol, so the
            // offset bits are already buffered and the raw length bytes that follow come
            // from the input position at that moment.
            bits.ensure(16)
            if length == 15 { bits.dropReadAhead(keeping: 16) }
            var offset = 1 &<< offsetBits
            if offsetBits > 0 {
                offset |= bits.peek(offsetBits)
                bits.consume(offsetBits)
            }
            if length == 15 {
                guard let extra = bits.readByte() else { return BlockEnd(position: pos, failure: .truncatedInput) }
                length = 15 &+ extra
                if extra == 255 {
                    guard let long = bits.readLE16() else { return BlockEnd(position: pos, failure: .truncatedInput) }
                    // The 16-bit value is the full length minus the minimum match.
                    length = long
                }
            }
            length &+= Self.minimumMatch
            guard offset <= pos else { return BlockEnd(position: pos, failure: .invalidMatch) }
            guard length <= limit &- pos else {
                return BlockEnd(position: pos, failure: endOfData ? .outputOverflow : .invalidMatch)
            }
            copyLZMatch(out, at: pos, offset: offset, length: length)
            pos &+= length
        }
        return BlockEnd(position: pos)
    }
}
