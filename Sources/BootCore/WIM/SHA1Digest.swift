/// A 20-byte SHA-1 digest naming a blob (stream content) in a WIM; computed by SHA1Hasher.
/// All zeros means "no stream" (an empty file).
public struct SHA1Digest: Equatable, Comparable, Sendable {
    // Big-endian words, so comparison order is byte order.
    var high: UInt64
    var middle: UInt64
    var low: UInt32

    static let byteCount = 20
    static let zero = SHA1Digest(high: 0, middle: 0, low: 0)

    init(high: UInt64, middle: UInt64, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// The 20 bytes at `start`; nil when they do not fit.
    init?(_ bytes: [UInt8], at start: Int) {
        guard start >= 0, start <= bytes.count - Self.byteCount else { return nil }
        var h: UInt64 = 0, m: UInt64 = 0, l: UInt32 = 0
        for i in 0..<8 { h = h << 8 | UInt64(bytes[start + i]) }
        for i in 8..<16 { m = m << 8 | UInt64(bytes[start + i]) }
        for i in 16..<20 { l = l << 8 | UInt32(bytes[start + i]) }
        high = h
        middle = m
        low = l
    }

    /// The 20 bytes, in order (as stored in a blob table entry or a dentry).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: middle >> UInt64(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: low >> UInt32(shift))) }
        return out
    }

    public var isZero: Bool { high == 0 && middle == 0 && low == 0 }

    public static func < (a: SHA1Digest, b: SHA1Digest) -> Bool {
        if a.high != b.high { return a.high < b.high }
        if a.middle != b.middle { return a.middle < b.middle }
        return a.low < b.low
    }

    /// Lowercase hex, 40 characters.
    public var hex: String {
        var out: [UInt8] = []
        out.reserveCapacity(40)
        func put(_ value: UInt64, bytes: Int) {
            for i in stride(from: bytes - 1, through: 0, by: -1) {
                let byte = UInt8(truncatingIfNeeded: value >> (UInt64(i) * 8))
                out.append(Self.hexDigit(byte >> 4))
                out.append(Self.hexDigit(byte & 15))
            }
        }
        put(high, bytes: 8)
        put(middle, bytes: 8)
        put(UInt64(low), bytes: 4)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }
}
