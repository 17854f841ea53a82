/// Hexadecimal text for diagnostics and BCD names, without Foundation or String(format:)
/// (Embedded-safe: built from bytes, so no Character or Unicode machinery is involved).
public func hexText<T: FixedWidthInteger>(_ value: T, digits minimumDigits: Int = 1) -> String {
    String(decoding: [0x30, 0x78] + hexBytes(value, digits: minimumDigits), as: UTF8.self)
}

/// The lower-case ASCII hex digits of `value`, at least `minimumDigits` (zero-padded), no "0x".
public func hexBytes<T: FixedWidthInteger>(_ value: T, digits minimumDigits: Int = 1) -> [UInt8] {
    var wide = UInt64(truncatingIfNeeded: value)
    var reversed: [UInt8] = []
    repeat {
        reversed.append(hexDigit(UInt8(wide & 0xF)))
        wide >>= 4
    } while wide != 0
    while reversed.count < minimumDigits { reversed.append(0x30) }
    return reversed.reversed()
}

/// The lower-case ASCII digit for `nibble` (0...15).
@inline(__always)
public func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }

/// The value of the ASCII hex digit `byte` (either case), or nil.
@inline(__always)
public func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46, 0x61...0x66: return (byte | 0x20) - 0x61 + 10
    default: return nil
    }
}
