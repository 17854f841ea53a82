/// BCD element text: REG_SZ and REG_MULTI_SZ data are UTF-16LE with NUL terminators.
/// Two readings of the same bytes: `decodeSingle`/`decodeMulti` are exact (nil unless the
/// bytes are well-formed, so an editor can keep anything else raw); `string`/`strings` are
/// lenient, as a boot manager following a store reads it (ill-formed units become U+FFFD).
public enum BcdText {
    /// One NUL-terminated string, read up to the first NUL as Windows reads REG_SZ (the
    /// terminator may be missing; stores written by Windows may carry slack bytes after it).
    public static func decodeSingle(_ data: [UInt8]) -> String? {
        if let ascii = asciiSingle(data) { return ascii }
        var units = units(of: data)
        if let end = units.firstIndex(of: 0) {
            units = Array(units[..<end])
        } else if data.count % 2 != 0 {
            return nil
        }
        return decodeUnits(units)
    }

    /// A list of NUL-terminated strings ended by an empty string.
    public static func decodeMulti(_ data: [UInt8]) -> [String]? {
        guard data.count % 2 == 0 else { return nil }
        if let ascii = asciiMulti(data) { return ascii }
        var result: [String] = []
        var current: [UInt16] = []
        for unit in units(of: data) {
            if unit == 0 {
                if current.isEmpty { break }
                guard let text = decodeUnits(current) else { return nil }
                result.append(text)
                current = []
            } else {
                current.append(unit)
            }
        }
        guard current.isEmpty else { return nil }
        return result
    }

    /// The first non-empty string of `data`, or "" (lenient).
    public static func string(_ data: [UInt8]) -> String { strings(data).first ?? "" }

    /// The NUL-separated strings of `data`, empty ones dropped; a missing final NUL or an odd
    /// trailing byte ends the last string (lenient).
    public static func strings(_ data: [UInt8]) -> [String] {
        var out: [String] = []
        var current: [UInt16] = []
        for unit in units(of: data) + [0] {
            if unit == 0 {
                if !current.isEmpty { out.append(asciiText(current) ?? String(decoding: current, as: UTF16.self)) }
                current = []
            } else {
                current.append(unit)
            }
        }
        return out
    }

    public static func encodeSingle(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        appendSingle(text, to: &out)
        return out
    }

    /// `text` as UTF-16LE with its NUL, appended to `out`.
    public static func appendSingle(_ text: String, to out: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every path): the UTF-8 bytes are the low bytes; no UTF-16 transcoding.
            for byte in text.utf8 { out.append(byte); out.append(0) }
            out.append(0); out.append(0)
            return
        }
        for unit in text.utf16 { out.append(UInt8(truncatingIfNeeded: unit)); out.append(UInt8(truncatingIfNeeded: unit >> 8)) }
        out.append(0); out.append(0)
    }

    public static func encodeMulti(_ items: [String]) -> [UInt8] {
        var units: [UInt16] = []
        for item in items { units += Array(item.utf16) + [0] }
        return bytes(of: units + [0])
    }

    /// The UTF-16LE code units of `data` (an odd trailing byte is not a unit).
    public static func units(of data: [UInt8]) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var index = 0
        while index + 1 < data.count {
            units.append(UInt16(data[index]) | UInt16(data[index + 1]) << 8)
            index += 2
        }
        return units
    }

    public static func bytes(of units: [UInt16]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        for unit in units { out.appendLE(unit) }
        return out
    }

    /// `units` as text, or nil unless they are well-formed UTF-16 (a lone surrogate would come
    /// back as U+FFFD, so the text would not re-encode to the same units).
    static func decodeUnits(_ units: [UInt16]) -> String? {
        if let ascii = asciiText(units) { return ascii }
        let text = String(decoding: units, as: UTF16.self)
        return text.utf16.elementsEqual(units) ? text : nil
    }

    /// decodeSingle's answer when the units up to the first NUL (or the end) are all ASCII,
    /// read straight from the bytes; nil otherwise (the general path then decides).
    static func asciiSingle(_ data: [UInt8]) -> String? {
        var end = 0
        while end + 1 < data.count {
            let low = data[end], high = data[end + 1]
            if low == 0 && high == 0 { break }
            guard high == 0, low < 0x80 else { return nil }
            end += 2
        }
        // No NUL and an odd trailing byte: not a string (as the general path says).
        if end + 1 >= data.count, data.count % 2 != 0 { return nil }
        return String(unsafeUninitializedCapacity: end / 2) { out in
            for i in 0..<end / 2 { out[i] = data[2 * i] }
            return end / 2
        }
    }

    /// decodeMulti's answer when every unit is ASCII (a display order of 1,000 GUIDs), each
    /// string built straight from its bytes; nil otherwise (the general path then decides).
    static func asciiMulti(_ data: [UInt8]) -> [String]? {
        var result: [String] = []
        var start = 0, at = 0
        while at + 1 < data.count {
            let low = data[at], high = data[at + 1]
            guard high == 0, low < 0x80 else { return nil }
            if low == 0 {
                if at == start { return result }   // the empty string ends the list
                let count = (at - start) / 2, first = start
                result.append(String(unsafeUninitializedCapacity: count) { out in
                    for i in 0..<count { out[i] = data[first + 2 * i] }
                    return count
                })
                start = at + 2
            }
            at += 2
        }
        return start == at ? result : nil   // a last string without its NUL is not well-formed
    }

    /// All-ASCII units (nearly every BCD string) as text straight from their low bytes: the
    /// general UTF-16 decoder was the hot spot of `bcd enum` on a 1,000-object store.
    static func asciiText(_ units: [UInt16]) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count)
        for unit in units {
            guard unit < 0x80 else { return nil }
            bytes.append(UInt8(unit))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
