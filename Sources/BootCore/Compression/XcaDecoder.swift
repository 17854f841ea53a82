/// LZ77+Huffman ([MS-XCA] 2.2) as a stream of unknown decoded size, the other form the PCAT
/// `bootmgr` may embed its bootmgr.exe in. Each 64 KiB of output has its own 256-byte code length
/// table, placed where the previous block's bits end; matches reach back across blocks. The data
/// ends at the end-of-data symbol (256 read once all input is consumed), or at a block boundary
/// with less than a table's worth of input left. The block decoding itself is XpressDecoder's.
public struct XcaDecoder {
    public static let blockSize = 65536

    private var xpress = XpressDecoder()

    public init() {}

    /// Decodes `input` into `output`; returns the decoded size.
    public mutating func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(DecompressionError) -> Int {
        // With no output buffer no byte is ever written or read: a literal fails the limit check
        // first and any match the offset check, so any non-null pointer will do.
        let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafeMutablePointer<UInt8>(bitPattern: 1)!
        var inPos = 0
        var outPos = 0
        var blocks = 0
        while true {
            if input.count - inPos < XpressDecoder.lengthTableSize {
                guard blocks > 0 else { throw .truncatedInput }
                return outPos
            }
            try xpress.readTable(input, at: inPos)
            var bits = BitReader(input, from: inPos + XpressDecoder.lengthTableSize)
            let end = XpressDecoder.decodeBlock(&bits, xpress.tableEntries, out, from: outPos,
                                                to: outPos + Self.blockSize, limit: output.count, endOfData: true)
            if let failure = end.failure { throw failure }
            guard !bits.overran else { throw .truncatedInput }
            outPos = end.position
            blocks += 1
            if end.endOfData { return outPos }
            // The next table starts after the words a word-at-a-time reader has loaded by now.
            bits.ensure(16)
            bits.dropReadAhead(keeping: 16)
            guard bits.position <= input.count else { throw .truncatedInput }
            inPos = bits.position
        }
    }
}
