/// Greedy LZ77 match search for the encoders (LZNT1, XCA): hash chains over 3-byte prefixes,
/// a bounded number of candidates per position. Simple and deterministic, not optimal.
struct LZMatchFinder {
    private static let hashBits = 15
    private static let maxCandidates = 24
    private var head: [Int32]
    private var previous: [Int32]

    init(count: Int) {
        head = [Int32](repeating: -1, count: 1 << Self.hashBits)
        previous = [Int32](repeating: -1, count: max(count, 1))
    }

    @inline(__always)
    private static func hash(_ data: UnsafePointer<UInt8>, _ pos: Int) -> Int {
        let v = UInt32(data[pos]) | UInt32(data[pos + 1]) << 8 | UInt32(data[pos + 2]) << 16
        return Int((v &* 0x9E37_79B1) >> UInt32(32 - hashBits))
    }

    /// Records position `pos` (needs 3 bytes from `pos` inside `count`).
    @inline(__always)
    mutating func insert(_ data: UnsafePointer<UInt8>, _ pos: Int, count: Int) {
        guard pos + 3 <= count else { return }
        let h = Self.hash(data, pos)
        previous[pos] = head[h]
        head[h] = Int32(pos)
    }

    /// The longest match for `pos` starting at or after `lowest`, at most `maxOffset` back and
    /// `maxLength` long (lengths below 3 are reported as 0). Call before `insert(pos)`.
    func longest(_ data: UnsafePointer<UInt8>, _ pos: Int, count: Int, lowest: Int,
                 maxOffset: Int, maxLength: Int) -> (length: Int, offset: Int) {
        guard pos + 3 <= count, maxLength >= 3 else { return (0, 0) }
        var best = (length: 0, offset: 0)
        var candidate = Int(head[Self.hash(data, pos)])
        var tries = Self.maxCandidates
        let limit = min(maxLength, count - pos)
        while candidate >= 0, tries > 0 {
            let offset = pos - candidate
            if candidate < lowest || offset > maxOffset { break }
            var n = 0
            while n < limit && data[candidate + n] == data[pos + n] { n += 1 }
            if n > best.length {
                best = (n, offset)
                if n == limit { break }
            }
            candidate = Int(previous[candidate])
            tries -= 1
        }
        return best.length >= 3 ? best : (0, 0)
    }
}
