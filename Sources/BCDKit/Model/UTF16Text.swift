/// REG_SZ / REG_MULTI_SZ payloads: UTF-16LE with NUL terminators.
enum UTF16Text {
    /// One NUL-terminated string, read up to the first NUL as Windows reads REG_SZ (the
    /// terminator may be missing; stores written by Windows may carry slack bytes after it).
    static func decodeSingle(_ data: [UInt8]) -> String? {
        var units = units(of: data)
        if let end = units.firstIndex(of: 0) {
            units = Array(units[..<end])
        } else if data.count % 2 != 0 {
            return nil
        }
        return decodeUnits(units)
    }

    /// A list of NUL-terminated strings ended by an empty string.
    static func decodeMulti(_ data: [UInt8]) -> [String]? {
        guard data.count % 2 == 0 else { return nil }
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

    static func encodeSingle(_ text: String) -> [UInt8] { bytes(of: Array(text.utf16) + [0]) }

    static func encodeMulti(_ items: [String]) -> [UInt8] {
        bytes(of: items.flatMap { Array($0.utf16) + [0] } + [0])
    }

    /// A UTF-16LE string without terminator handling (device paths carry their own NUL).
    static func units(of data: [UInt8]) -> [UInt16] {
        stride(from: 0, to: data.count - data.count % 2, by: 2).map { UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8 }
    }

    static func bytes(of units: [UInt16]) -> [UInt8] {
        units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func decodeUnits(_ units: [UInt16]) -> String? {
        var text = ""
        var failed = false
        transcode(units.makeIterator(), from: UTF16.self, to: UTF32.self, stoppingOnError: true) { scalar in
            if let s = Unicode.Scalar(scalar) { text.unicodeScalars.append(s) } else { failed = true }
        }
        let roundTrip = Array(text.utf16)
        return failed || roundTrip != units ? nil : text
    }
}
