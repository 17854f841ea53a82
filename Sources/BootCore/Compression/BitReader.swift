/// MSB-first reader over a stream of 16-bit little-endian words, the bit order both
/// XPRESS Huffman ([MS-XCA] 2.2.4) and LZX use. Words are loaded lazily, one at a time,
/// only when fewer bits than requested remain: XPRESS interleaves raw bytes in the same
/// stream, and their position depends on exactly how many words have been consumed.
/// Reading words past the end yields zero bits (a valid stream may be padded short);
/// raw byte reads past the end fail.
@usableFromInline
struct BitReader {
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let end: Int
    @usableFromInline var position: Int
    /// Unconsumed bits, left-aligned (the next bit is bit 63). Shift amounts are always
    /// in 0...63 here, so masking shifts (&<<, &>>) stand for plain ones without the
    /// out-of-range handling Swift's `<<` would add to every call.
    @usableFromInline var buffer: UInt64 = 0
    @usableFromInline var available: Int = 0

    @inlinable
    init(_ bytes: UnsafeRawBufferPointer, from start: Int) {
        // An empty buffer has no base address; any non-null pointer will do as `end` is 0
        // and nothing is ever dereferenced then.
        base = bytes.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
            ?? UnsafePointer<UInt8>(bitPattern: 1)!
        end = bytes.count
        position = min(max(start, 0), bytes.count)
    }

    @inlinable @inline(__always)
    mutating func loadWord() {
        var word: UInt64 = 0
        if position &+ 1 < end {
            word = UInt64(base[position]) | UInt64(base[position &+ 1]) << 8
        }
        // Past the end: zero bits, but still advance so positions stay consistent.
        position &+= 2
        buffer |= word &<< UInt64(48 &- available)
        available &+= 16
    }

    /// Makes at least `count` (at most 32) bits available. Away from the end of the input
    /// this loads as many whole words as fit (2 or 3) with one 64-bit read; XPRESS undoes
    /// that read-ahead with `dropReadAhead` before reading raw bytes.
    @inlinable @inline(__always)
    mutating func ensure(_ count: Int) {
        if available < count { refill(count) }
    }

    @inlinable @inline(__always)
    mutating func refill(_ count: Int) {
        if end &- position >= 8 {
            let v = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            // Three LE words in stream order, first word in the high bits.
            let words = (v & 0xFFFF) << 32 | (v >> 16 & 0xFFFF) << 16 | (v >> 32 & 0xFFFF)
            if available <= 16 {
                buffer |= words &<< UInt64(16 &- available)
                available &+= 48
                position &+= 6
            } else {
                buffer |= (words &>> 16) &<< UInt64(32 &- available)
                available &+= 32
                position &+= 4
            }
        } else {
            loadWord()
            if available < count { loadWord() }
        }
    }

    /// Gives back whole words loaded ahead, leaving the fewest that hold `minimum` bits:
    /// the state a word-at-a-time reader ([MS-XCA]) would be in, so the next raw byte is
    /// read from where the format puts it.
    @inlinable @inline(__always)
    mutating func dropReadAhead(keeping minimum: Int) {
        while available >= minimum &+ 16 {
            available &-= 16
            position &-= 2
        }
        buffer &= available == 0 ? 0 : ~(UInt64.max &>> UInt64(available))
    }

    /// The next `count` bits (1...32) without consuming them; call `ensure` first.
    @inlinable @inline(__always)
    func peek(_ count: Int) -> Int {
        Int(truncatingIfNeeded: buffer &>> UInt64(64 &- count))
    }

    @inlinable @inline(__always)
    mutating func consume(_ count: Int) {
        buffer &<<= UInt64(count)
        available &-= count
    }

    /// Reads `count` bits (0...32) as an unsigned value.
    @inlinable @inline(__always)
    mutating func read(_ count: Int) -> Int {
        if count == 0 { return 0 }
        ensure(count)
        let value = peek(count)
        consume(count)
        return value
    }

    /// True once more words were requested than the input holds (beyond zero padding slack).
    @inlinable
    var overran: Bool { position > end &+ 4 }

    /// Reads one raw byte at the current stream position (XPRESS match lengths).
    @inlinable @inline(__always)
    mutating func readByte() -> Int? {
        guard position < end else { return nil }
        let value = Int(base[position])
        position &+= 1
        return value
    }

    @inlinable @inline(__always)
    mutating func readLE16() -> Int? {
        guard position &+ 1 < end else { return nil }
        let value = Int(base[position]) | Int(base[position &+ 1]) << 8
        position &+= 2
        return value
    }

    mutating func readLE32() -> UInt32? {
        guard position &+ 3 < end else { return nil }
        var value: UInt32 = 0
        for i in 0..<4 { value |= UInt32(base[position &+ i]) << UInt32(8 * i) }
        position &+= 4
        return value
    }

    /// LZX uncompressed blocks: drop to the next 16-bit boundary. A stream that is already
    /// aligned skips a whole word ("1 to 16 bits of padding").
    mutating func alignToWord() {
        // Give back whole words the buffer loaded ahead of need.
        while available >= 16 {
            position &-= 2
            available &-= 16
        }
        if available == 0 { position &+= 2 }
        buffer = 0
        available = 0
    }

    /// Copies `count` raw bytes from the stream into `destination`.
    mutating func copyBytes(_ count: Int, to destination: UnsafeMutablePointer<UInt8>) -> Bool {
        guard count >= 0, position <= end, count <= end &- position else { return false }
        destination.update(from: base + position, count: count)
        position &+= count
        return true
    }

    mutating func skipBytes(_ count: Int) {
        position &+= count
    }
}
