/// Key and value names as stored: "compressed" names hold one byte per character (Latin-1),
/// the others UTF-16LE. Lookups fold ASCII letters only, which covers every BCD key.
enum RegistryName {
    static func units(_ bytes: ArraySlice<UInt8>, compressed: Bool) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(compressed ? bytes.count : bytes.count / 2)
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

    /// The stored name at `start..<start + length` of `bytes` (`compressed`: one byte per
    /// character) equals the UTF-8 `name`, ignoring ASCII case: lookups compare in place, before
    /// any node is built, through one buffer pointer (no slice, so no retain, per name compared).
    static func matches<Name: Collection<UInt8>>(in bytes: [UInt8], at start: Int, length: Int, compressed: Bool, _ name: Name) -> Bool {
        let count = compressed ? length : length / 2
        guard count == name.count, start >= 0, length >= 0, start <= bytes.count - length else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            name.withContiguousStorageIfAvailable { wanted in
                matches(stored, at: start, compressed: compressed, wanted)
            } ?? matches(stored, at: start, compressed: compressed, name)
        }
    }

    private static func matches<Name: Collection<UInt8>>(_ stored: UnsafeBufferPointer<UInt8>, at start: Int, compressed: Bool, _ name: Name) -> Bool {
        var i = start
        for wanted in name {
            let unit = compressed ? UInt16(stored[i]) : UInt16(stored[i]) | UInt16(stored[i + 1]) << 8
            guard unit < 0x80, UInt8(unit) == wanted || asciiLowercased(UInt8(unit)) == asciiLowercased(wanted) else { return false }
            i += compressed ? 1 : 2
        }
        return true
    }

    /// A stored name as text (compressed: Latin-1, one byte per character).
    static func text(_ bytes: ArraySlice<UInt8>, compressed: Bool) -> String {
        if compressed, bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return text(units(bytes, compressed: compressed))
    }

    /// All-ASCII names (every BCD key and value) are built from their bytes directly: the
    /// general UTF-16 decoder was most of reading a 1,000-object store.
    static func text(_ units: [UInt16]) -> String {
        guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
        return String(unsafeUninitializedCapacity: units.count) { buffer in
            for i in 0..<units.count { buffer[i] = UInt8(truncatingIfNeeded: units[i]) }
            return units.count
        }
    }
}
