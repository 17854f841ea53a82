/// Table-driven decoder for a canonical Huffman code given by its codeword lengths
/// (codes assigned by increasing length, then increasing symbol — as in XPRESS and LZX).
///
/// A primary table indexed by the next `primaryBits` bits resolves every code that short
/// in one lookup; longer codes go through a fixed-size subtable per primary prefix.
/// Entry layout (UInt32): bits 0-4 = bits to consume (0 marks an unused code),
/// bit 5 = "subtable pointer" (bits 0-4 are then the subtable index width),
/// bits 8... = decoded symbol, or the subtable's first entry index.
///
/// A class owning its storage, so hot loops take `entries` as a plain pointer (no
/// closure around them) and decoders reuse one allocation for every chunk.
final class HuffmanDecodeTable {
    let symbolCount: Int
    let primaryBits: Int
    let maxCodeLength: Int
    let entries: UnsafeMutablePointer<UInt32>
    private let capacity: Int
    private var counts: [Int]
    private var nextCode: [Int]

    static let subtableFlag: UInt32 = 0x20
    static let lengthMask: UInt32 = 0x1F

    init(symbolCount: Int, primaryBits: Int, maxCodeLength: Int) {
        self.symbolCount = symbolCount
        self.primaryBits = primaryBits
        self.maxCodeLength = maxCodeLength
        let longBits = max(0, maxCodeLength - primaryBits)
        // Each distinct primary prefix of a long code needs one subtable; there are at most
        // min(symbols, 2^primaryBits) of them.
        let capacity = (1 << primaryBits) + min(symbolCount, 1 << primaryBits) << longBits
        self.capacity = capacity
        entries = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        entries.initialize(repeating: 0, count: capacity)
        counts = [Int](repeating: 0, count: maxCodeLength + 1)
        nextCode = [Int](repeating: 0, count: maxCodeLength + 1)
    }

    deinit {
        entries.deallocate()
    }

    /// Rebuilds the table from `lengths` (one per symbol, 0 = unused). An empty code is
    /// accepted (decoding from it fails); an over-subscribed one is rejected; an incomplete
    /// one is accepted, its unused codes decode as errors.
    func build(lengths: UnsafeBufferPointer<UInt8>) throws(DecompressionError) {
        let symbolCount = min(lengths.count, self.symbolCount)
        let primaryBits = self.primaryBits
        let maxCodeLength = self.maxCodeLength
        for i in 0...maxCodeLength { counts[i] = 0 }
        for s in 0..<symbolCount {
            let length = Int(lengths[s])
            guard length <= maxCodeLength else { throw .invalidHuffmanCode }
            counts[length] += 1
        }
        counts[0] = 0
        // Kraft inequality: the code must not be over-subscribed.
        var remaining = 1
        var longest = 0
        for length in 1...maxCodeLength {
            remaining = remaining << 1 - counts[length]
            if remaining < 0 { throw .invalidHuffmanCode }
            if counts[length] > 0 { longest = length }
        }
        var code = 0
        for length in 1...maxCodeLength {
            code = (code + counts[length - 1]) << 1
            nextCode[length] = code
        }
        let subtableBits = max(0, longest - primaryBits)
        let primarySize = 1 << primaryBits
        do {
            let t = entries
            t.update(repeating: 0, count: primarySize)
            if longest == 0 { return }
            var nextSubtable = primarySize
            for s in 0..<symbolCount {
                let length = Int(lengths[s])
                if length == 0 { continue }
                let code = nextCode[length]
                nextCode[length] = code + 1
                if length <= primaryBits {
                    let entry = UInt32(s) << 8 | UInt32(length)
                    let start = code << (primaryBits - length)
                    (t + start).update(repeating: entry, count: 1 << (primaryBits - length))
                } else {
                    let extra = length - primaryBits
                    let prefix = code >> extra
                    var pointer = t[prefix]
                    if pointer & Self.subtableFlag == 0 {
                        (t + nextSubtable).update(repeating: 0, count: 1 << subtableBits)
                        pointer = UInt32(nextSubtable) << 8 | Self.subtableFlag | UInt32(subtableBits)
                        t[prefix] = pointer
                        nextSubtable += 1 << subtableBits
                    }
                    let low = code & ((1 << extra) - 1)
                    let start = Int(pointer >> 8) + low << (subtableBits - extra)
                    let entry = UInt32(s) << 8 | UInt32(extra)
                    (t + start).update(repeating: entry, count: 1 << (subtableBits - extra))
                }
            }
        }
    }
}

extension BitReader {
    /// Decodes one symbol with `table` (the `entries` of a HuffmanDecodeTable built with
    /// `primaryBits`), or returns -1 for an unused code. Ensures `maxCodeLength` (<= 16) bits.
    @inlinable @inline(__always)
    mutating func decodeSymbol(_ table: UnsafePointer<UInt32>, primaryBits: Int) -> Int {
        ensure(16)
        var entry = table[peek(primaryBits)]
        if entry & 0x20 != 0 {
            consume(primaryBits)
            entry = table[Int(entry >> 8) &+ peek(Int(entry & 0x1F))]
        }
        let length = Int(entry & 0x1F)
        consume(length)
        return length == 0 ? -1 : Int(entry >> 8)
    }
}
