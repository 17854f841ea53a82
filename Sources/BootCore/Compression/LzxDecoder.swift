/// LZX as WIM uses it: every chunk is an independent stream (window = chunk size, at
/// least 32 KiB), recent offsets start at 1 and code lengths at 0 for each chunk, there
/// is no E8 header bit (translation is always on, size 12000000), and a block size is
/// one "default size (32768)" bit, else 16 bits, plus 8 more when the window is >= 64 KiB.
public struct LzxDecoder {
    public let windowOrder: Int
    let mainSymbolCount: Int

    private var mainLengths: [UInt8]
    private var lengthLengths = [UInt8](repeating: 0, count: LzxTables.lengthTreeSymbolCount)
    private var alignedLengths = [UInt8](repeating: 0, count: LzxTables.alignedSymbolCount)
    private var pretreeLengths = [UInt8](repeating: 0, count: LzxTables.pretreeSymbolCount)
    private let mainTable: HuffmanDecodeTable
    private let lengthTable = HuffmanDecodeTable(symbolCount: 249, primaryBits: 10, maxCodeLength: 16)
    private let alignedTable = HuffmanDecodeTable(symbolCount: 8, primaryBits: 7, maxCodeLength: 7)
    private let pretreeTable = HuffmanDecodeTable(symbolCount: 20, primaryBits: 6, maxCodeLength: 15)

    static let mainPrimaryBits = 11
    private let slots = LzxSlotTable()

    /// `chunkSize`: the WIM's uncompressed chunk size (32 KiB ... 2 MiB).
    public init(chunkSize: Int) throws(DecompressionError) {
        var order = 15
        while order <= 21 && (1 << order) < chunkSize { order += 1 }
        guard chunkSize > 0, order <= 21 else { throw .unsupportedChunkSize }
        windowOrder = order
        mainSymbolCount = LzxTables.literalCount
            + LzxTables.lengthHeaderCount * LzxTables.offsetSlotCount(windowOrder: order)
        mainLengths = [UInt8](repeating: 0, count: mainSymbolCount)
        mainTable = HuffmanDecodeTable(symbolCount: mainSymbolCount, primaryBits: Self.mainPrimaryBits, maxCodeLength: 16)
    }

    /// Decodes one chunk; `output.count` is its uncompressed size (at most the window).
    public mutating func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(DecompressionError) {
        let outEnd = output.count
        guard outEnd <= 1 << windowOrder else { throw .unsupportedChunkSize }
        guard outEnd > 0 else { return }
        let out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for i in 0..<mainSymbolCount { mainLengths[i] = 0 }
        for i in 0..<LzxTables.lengthTreeSymbolCount { lengthLengths[i] = 0 }
        var recent = RecentOffsets()
        var bits = BitReader(input, from: 0)
        var pos = 0
        var mayHaveE8 = false
        while pos < outEnd {
            let blockType = bits.read(3)
            var blockSize = LzxTables.defaultBlockSize
            if bits.read(1) == 0 {
                blockSize = bits.read(16)
                if windowOrder >= 16 { blockSize = blockSize << 8 | bits.read(8) }
            }
            guard blockSize >= 1, blockSize <= outEnd - pos else { throw .invalidBlock }
            switch blockType {
            case 1, 2:
                let aligned = blockType == 2
                if aligned {
                    for i in 0..<LzxTables.alignedSymbolCount { alignedLengths[i] = UInt8(bits.read(3)) }
                    try alignedLengths.withUnsafeBufferPointer { (l) throws(DecompressionError) in
                        try alignedTable.build(lengths: l)
                    }
                }
                try Self.readCodeLengths(into: &mainLengths, range: 0..<LzxTables.literalCount, &bits, &pretreeLengths, pretreeTable)
                try Self.readCodeLengths(into: &mainLengths, range: LzxTables.literalCount..<mainSymbolCount, &bits, &pretreeLengths, pretreeTable)
                try Self.readCodeLengths(into: &lengthLengths, range: 0..<LzxTables.lengthTreeSymbolCount, &bits, &pretreeLengths, pretreeTable)
                try mainLengths.withUnsafeBufferPointer { (l) throws(DecompressionError) in
                    try mainTable.build(lengths: l)
                }
                try lengthLengths.withUnsafeBufferPointer { (l) throws(DecompressionError) in
                    try lengthTable.build(lengths: l)
                }
                if let failure = decodeCompressedBlock(
                    &bits, aligned: aligned, out: out, from: pos, to: pos + blockSize, recent: &recent)
                {
                    throw failure
                }
                // The first E8 byte of a compressed block can only come from literal 0xE8.
                if mainLengths[0xE8] != 0 { mayHaveE8 = true }
            case 3:
                // Uncompressed block: align, then R0 R1 R2 as 32-bit LE, the raw bytes,
                // and one pad byte when the size is odd.
                bits.alignToWord()
                guard let r0 = bits.readLE32(), let r1 = bits.readLE32(), let r2 = bits.readLE32(),
                      r0 != 0, r1 != 0, r2 != 0
                else { throw .invalidBlock }
                recent = RecentOffsets(r0: Int(r0), r1: Int(r1), r2: Int(r2))
                guard bits.copyBytes(blockSize, to: out + pos) else { throw .truncatedInput }
                if blockSize & 1 != 0 { bits.skipBytes(1) }
                mayHaveE8 = true
            default:
                throw .invalidBlock
            }
            pos += blockSize
        }
        guard !bits.overran else { throw .truncatedInput }
        if mayHaveE8 { LzxE8Translation.undo(out, count: outEnd) }
    }

    struct RecentOffsets {
        var r0 = 1, r1 = 1, r2 = 1
    }

    /// Reads delta-coded codeword lengths through the 20-symbol pretree: 0-16 = new length
    /// (previous - symbol) mod 17; 17 = 4+4bits zeros; 18 = 20+5bits zeros;
    /// 19 = 4+1bit copies of one delta-coded length.
    private static func readCodeLengths(
        into lengths: inout [UInt8], range: Range<Int>, _ bits: inout BitReader,
        _ pretreeLengths: inout [UInt8], _ pretreeTable: HuffmanDecodeTable
    ) throws(DecompressionError) {
        for i in 0..<LzxTables.pretreeSymbolCount { pretreeLengths[i] = UInt8(bits.read(4)) }
        try pretreeLengths.withUnsafeBufferPointer { (l) throws(DecompressionError) in
            try pretreeTable.build(lengths: l)
        }
        let failed = { () -> Bool in
            let t = UnsafePointer(pretreeTable.entries)
            var i = range.lowerBound
            while i < range.upperBound {
                let symbol = bits.decodeSymbol(t, primaryBits: 6)
                switch symbol {
                case 0...16:
                    lengths[i] = UInt8((Int(lengths[i]) + 17 - symbol) % 17)
                    i += 1
                case 17, 18:
                    let run = symbol == 17 ? 4 + bits.read(4) : 20 + bits.read(5)
                    let end = min(i + run, range.upperBound)
                    while i < end { lengths[i] = 0; i += 1 }
                case 19:
                    let run = 4 + bits.read(1)
                    let delta = bits.decodeSymbol(t, primaryBits: 6)
                    guard delta >= 0, delta <= 16 else { return true }
                    let value = UInt8((Int(lengths[i]) + 17 - delta) % 17)
                    let end = min(i + run, range.upperBound)
                    while i < end { lengths[i] = value; i += 1 }
                default:
                    return true
                }
            }
            return false
        }()
        if failed { throw .invalidHuffmanCode }
    }

    /// The hot loop of verbatim and aligned-offset blocks: decodes symbols until the block's
    /// output is complete. Returns nil on success.
    private func decodeCompressedBlock(
        _ stream: inout BitReader, aligned: Bool, out: UnsafeMutablePointer<UInt8>,
        from start: Int, to blockEnd: Int, recent: inout RecentOffsets
    ) -> DecompressionError? {
        let main = UnsafePointer(mainTable.entries)
        let lengthTree = UnsafePointer(lengthTable.entries)
        let alignedTree = UnsafePointer(alignedTable.entries)
        let footer = UnsafePointer(slots.footerBits)
        let base = UnsafePointer(slots.base)
        // Local copies keep the bit buffer and recent offsets in registers.
        var bits = stream
        var r0 = recent.r0, r1 = recent.r1, r2 = recent.r2
        var pos = start
        defer {
            recent = RecentOffsets(r0: r0, r1: r1, r2: r2)
            stream = bits
        }
        while pos < blockEnd {
            let symbol = bits.decodeSymbol(main, primaryBits: Self.mainPrimaryBits)
            if symbol < LzxTables.literalCount {
                if symbol < 0 { return .invalidHuffmanCode }
                out[pos] = UInt8(truncatingIfNeeded: symbol)
                pos &+= 1
                continue
            }
            let header = symbol &- LzxTables.literalCount
            var length = header & 7
            let slot = header >> 3
            if length == 7 {
                let extra = bits.decodeSymbol(lengthTree, primaryBits: 10)
                if extra < 0 { return .invalidHuffmanCode }
                length &+= extra
            }
            length &+= LzxTables.minimumMatch
            let offset: Int
            switch slot {
            case 0:
                offset = r0
            case 1:
                offset = r1; r1 = r0; r0 = offset
            case 2:
                offset = r2; r2 = r0; r0 = offset
            default:
                let extraBits = Int(footer[slot])
                var formatted = Int(base[slot])
                if aligned && extraBits >= 3 {
                    // Aligned blocks send the low 3 offset bits through the aligned tree.
                    formatted &+= bits.read(extraBits &- 3) << 3
                    let low = bits.decodeSymbol(alignedTree, primaryBits: 7)
                    if low < 0 { return .invalidHuffmanCode }
                    formatted &+= low
                } else {
                    formatted &+= bits.read(extraBits)
                }
                offset = formatted &- 2
                r2 = r1; r1 = r0; r0 = offset
            }
            guard offset <= pos, length <= blockEnd &- pos else { return .invalidMatch }
            copyLZMatch(out, at: pos, offset: offset, length: length)
            pos &+= length
        }
        return nil
    }
}
