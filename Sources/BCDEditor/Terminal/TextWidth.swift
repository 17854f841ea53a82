/// Terminal column widths of text, so that CJK (two columns) and combining marks (none) line
/// up. Independent of the C library's locale, so the view lays out the same in tests.
public enum TextWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1100 && (
            v <= 0x115F || v == 0x2329 || v == 0x232A ||
            (v >= 0x2E80 && v <= 0xA4CF && v != 0x303F) ||
            (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) ||
            (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60) ||
            (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F) ||
            (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD)) {
            return 2
        }
        return 1
    }

    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var out = ""
        for character in text {
            let w = of(character)
            if used + w > width { break }
            used += w
            out.append(character)
        }
        return out
    }

    /// `text` clipped or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let clipped = clip(text, to: width)
        let rest = width - of(clipped)
        return rest > 0 ? clipped + String(repeating: " ", count: rest) : clipped
    }
}
