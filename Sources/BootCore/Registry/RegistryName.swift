/// Key and value names as stored: "compressed" names hold one byte per character (Latin-1),
/// the others UTF-16LE. Lookups fold ASCII letters only, which covers every BCD key.
enum RegistryName {
    static func units(_ bytes: ArraySlice<UInt8>, compressed: Bool) -> [UInt16] {
        var out: [UInt16] = []
        if compressed {
            for byte in bytes { out.append(UInt16(byte)) }
        } else {
            var i = bytes.startIndex
            while i + 1 < bytes.endIndex {
                out.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
                i += 2
            }
        }
        return out
    }

    /// `units` equals the UTF-8 `name`, ignoring ASCII case (non-ASCII must match exactly).
    static func matches(_ units: [UInt16], _ name: [UInt8]) -> Bool {
        guard units.count == name.count else { return false }
        for i in 0..<units.count {
            guard units[i] < 0x80, UInt8(units[i]) == name[i] || asciiLowercased(UInt8(units[i])) == asciiLowercased(name[i]) else { return false }
        }
        return true
    }

    static func text(_ units: [UInt16]) -> String { String(decoding: units, as: UTF16.self) }
}
