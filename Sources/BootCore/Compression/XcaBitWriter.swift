/// The bit stream side of the XCA encoder ([MS-XCA] 2.1): MSB-first bits in 16-bit little-endian
/// words, with raw bytes (long match lengths) between them exactly where XcaDecoder / XpressDecoder
/// read them. The decoder always holds the word with its next bit plus one more; so when the first
/// bit of word j is written, a slot for word j+1 is reserved at the current end of the output,
/// and raw bytes go after the slots reserved so far.
struct XcaBitWriter {
    var out: [UInt8]
    /// Offsets in `out` of the reserved words not yet written, the current word's first.
    private var slots: [Int] = []
    private var word: UInt32 = 0
    private var used = 0

    /// Starts a block's bit stream at the end of `out` (reserving words 0 and 1).
    init(appendingTo out: [UInt8]) {
        self.out = out
        reserve()
        reserve()
    }

    private mutating func reserve() {
        slots.append(out.count)
        out.append(0)
        out.append(0)
    }

    private mutating func store(_ value: UInt32) {
        let at = slots.removeFirst()
        out[at] = UInt8(truncatingIfNeeded: value)
        out[at + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    /// Writes the low `count` bits of `value`, most significant first.
    mutating func put(_ value: Int, _ count: Int) {
        var i = count - 1
        while i >= 0 {
            if used == 16 {
                store(word)
                word = 0
                used = 0
                reserve()
            }
            word = word << 1 | UInt32((value >> i) & 1)
            used += 1
            i -= 1
        }
    }

    mutating func putByte(_ byte: UInt8) { out.append(byte) }

    /// Ends the block: the partial word is padded with zero bits; the reserved word after it stays 0.
    mutating func finish() -> [UInt8] {
        if used > 0 { store(word << UInt32(16 - used)) }
        return out
    }
}
