/// Bounds-checked little-endian field access on a byte array: every read returns nil
/// instead of trapping when the field does not fit, so parsers of untrusted data stay total.
extension Array where Element == UInt8 {
    @inline(__always)
    public func le16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    @inline(__always)
    public func le32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        var value: UInt32 = 0
        for i in 0..<4 { value |= UInt32(self[offset + i]) << (8 * UInt32(i)) }
        return value
    }

    @inline(__always)
    public func le64(at offset: Int) -> UInt64? {
        guard let low = le32(at: offset), let high = le32(at: offset + 4) else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }

    /// Appends `value` as `width` little-endian bytes (width 1...8).
    public mutating func appendLE<T: FixedWidthInteger>(_ value: T, width: Int = MemoryLayout<T>.size) {
        if width == MemoryLayout<T>.size {
            // One copy of the value's bytes instead of an append (and capacity check) per byte.
            Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
            return
        }
        let wide = UInt64(truncatingIfNeeded: value)
        for i in 0..<width { append(UInt8(truncatingIfNeeded: wide >> (8 * UInt64(i)))) }
    }

    /// Writes `value` as `width` little-endian bytes at `offset` (must be in range).
    public mutating func putLE<T: FixedWidthInteger>(_ value: T, at offset: Int, width: Int = MemoryLayout<T>.size) {
        let wide = UInt64(truncatingIfNeeded: value)
        for i in 0..<width { self[offset + i] = UInt8(truncatingIfNeeded: wide >> (8 * UInt64(i))) }
    }
}
