/// Case-insensitive comparison of UTF-16 names, as Windows path lookup does. Folds
/// ASCII, Latin-1, Greek and Cyrillic letters (enough for boot files); other code units
/// compare exactly.
enum WIMName {
    static func upper(_ unit: UInt16) -> UInt16 {
        switch unit {
        case 0x61...0x7A: return unit - 0x20                            // a-z
        case 0xE0...0xFE where unit != 0xF7: return unit - 0x20         // à-þ
        case 0x3B1...0x3C9 where unit != 0x3C2: return unit - 0x20      // α-ω
        case 0x430...0x44F: return unit - 0x20                          // а-я
        case 0x450...0x45F: return unit - 0x50                          // ѐ-џ
        default: return unit
        }
    }

    static func equalIgnoringCase(_ a: [UInt16], _ b: [UInt16]) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where upper(a[i]) != upper(b[i]) { return false }
        return true
    }
}
