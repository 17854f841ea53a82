/// BCD element text: REG_SZ and REG_MULTI_SZ data are UTF-16LE, NUL-terminated.
public enum BcdText {
    /// The UTF-16LE `data` up to its first NUL.
    public static func string(_ data: [UInt8]) -> String { strings(data).first ?? "" }

    /// The NUL-separated strings of REG_MULTI_SZ `data` (empty ones dropped).
    public static func strings(_ data: [UInt8]) -> [String] {
        var out: [String] = []
        var units: [UInt16] = []
        var i = 0
        while i <= data.count {
            let unit: UInt16 = i + 1 < data.count ? UInt16(data[i]) | UInt16(data[i + 1]) << 8 : 0
            if unit == 0 {
                if !units.isEmpty { out.append(String(decoding: units, as: UTF16.self)) }
                units = []
            } else {
                units.append(unit)
            }
            i += 2
        }
        return out
    }
}

/// GUID text as BCD object keys spell it: "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}", lowercase.
/// In binary the first three groups are little-endian (u32, u16, u16), the rest in order.
public enum BcdGuidText {
    /// The GUID in the 16 bytes at `offset`, or nil when they are all zero or out of range.
    public static func braced(_ bytes: [UInt8], at offset: Int) -> String? {
        guard offset >= 0, offset + 16 <= bytes.count else { return nil }
        let g = Array(bytes[offset..<offset + 16])
        guard g.contains(where: { $0 != 0 }) else { return nil }
        let order = [3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15]
        var text: [UInt8] = [0x7B]
        for index in order {
            if index < 0 { text.append(0x2D); continue }
            text.append(digit(g[index] >> 4))
            text.append(digit(g[index] & 0xF))
        }
        text.append(0x7D)
        return String(decoding: text, as: UTF8.self)
    }

    static func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }

    /// `text` with ASCII letters lowercased (object keys may be spelled in either case).
    public static func lowercased(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 { out.append(asciiLowercased(byte)) }
        return String(decoding: out, as: UTF8.self)
    }
}
