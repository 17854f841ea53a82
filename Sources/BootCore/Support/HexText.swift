/// Hexadecimal text for diagnostics, without Foundation or String(format:) (Embedded-safe:
/// built from bytes, so no Character or Unicode machinery is involved).
public func hexText<T: FixedWidthInteger>(_ value: T, digits minimumDigits: Int = 1) -> String {
    var wide = UInt64(truncatingIfNeeded: value)
    var reversed: [UInt8] = []
    repeat {
        let nibble = UInt8(wide & 0xF)
        reversed.append(nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10)
        wide >>= 4
    } while wide != 0
    while reversed.count < minimumDigits { reversed.append(0x30) }
    return String(decoding: [0x30, 0x78] + reversed.reversed(), as: UTF8.self)
}
