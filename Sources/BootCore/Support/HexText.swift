/// Hexadecimal text for diagnostics, without Foundation or String(format:) (Embedded-safe).
public func hexText<T: FixedWidthInteger>(_ value: T, digits minimumDigits: Int = 1) -> String {
    let symbols: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    var wide = UInt64(truncatingIfNeeded: value)
    var reversed: [Character] = []
    repeat {
        reversed.append(symbols[Int(wide & 0xF)])
        wide >>= 4
    } while wide != 0
    while reversed.count < minimumDigits { reversed.append("0") }
    var text = "0x"
    for c in reversed.reversed() { text.append(c) }
    return text
}
