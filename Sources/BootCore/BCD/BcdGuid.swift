/// A GUID as BCD stores it: 16 bytes in Windows order (Data1 u32 LE, Data2 u16 LE, Data3 u16 LE,
/// then Data4's 8 bytes in order). Text form is lower case, as BCD key names are:
/// 9dea862c-5cdd-4e70-acc1-f32b344d4795; braced, it is an object's key name and bcdedit's form.
/// Text is built and parsed as ASCII bytes (no Unicode tables in the loader).
public struct BcdGuid: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Two words instead of 16 bytes one by one (stores look objects up by id at every turn).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.le64(at: 0) ?? 0)
        hasher.combine(bytes.le64(at: 8) ?? 0)
    }

    /// The 16 bytes at `offset` of `data`, or nil when they do not fit.
    public init?(bytes data: [UInt8], at offset: Int) {
        guard offset >= 0, offset <= data.count - 16 else { return nil }
        self.bytes = Array(data[offset..<offset + 16])
    }

    /// Which byte each pair of hex digits in the text stands for (Data1-3 are little-endian).
    static let textOrder = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15]
    /// The digit pairs after which the text has a dash: 8-4-4-4-12 digits.
    static func dashFollows(pair: Int) -> Bool { pair == 3 || pair == 5 || pair == 7 || pair == 9 }

    /// Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", with or without braces, any case.
    public init?(_ text: String) {
        var chars = Array(text.utf8)
        if chars.count >= 2, chars[0] == 0x7B, chars[chars.count - 1] == 0x7D { chars = Array(chars[1..<chars.count - 1]) }
        guard chars.count == 36 else { return nil }
        var out = [UInt8](repeating: 0, count: 16)
        var index = 0
        for pair in 0..<16 {
            guard let high = hexValue(chars[index]), let low = hexValue(chars[index + 1]) else { return nil }
            out[Self.textOrder[pair]] = high << 4 | low
            index += 2
            if Self.dashFollows(pair: pair) {
                guard chars[index] == 0x2D else { return nil }
                index += 1
            }
        }
        bytes = out
    }

    public static let zero = BcdGuid(bytes: [UInt8](repeating: 0, count: 16))!
    /// {bootmgr}, the Windows Boot Manager object every store starts from.
    public static let bootManager = BcdGuid("9dea862c-5cdd-4e70-acc1-f32b344d4795")!

    public var isZero: Bool { !bytes.contains { $0 != 0 } }

    /// Lower-case text without braces.
    public var description: String { text(braced: false) }

    /// "{...}", the form bcdedit prints and BCD key names use.
    public var braced: String { text(braced: true) }

    var textBytes: [UInt8] { Array(description.utf8) }

    /// The 36 (38 braced) ASCII characters, written straight into the string's storage.
    private func text(braced: Bool) -> String {
        String(unsafeUninitializedCapacity: braced ? 38 : 36) { out in
            var at = 0
            if braced { out[0] = 0x7B; at = 1 }
            for pair in 0..<16 {
                let byte = bytes[Self.textOrder[pair]]
                out[at] = hexDigit(byte >> 4)
                out[at + 1] = hexDigit(byte & 0xF)
                at += 2
                if Self.dashFollows(pair: pair) { out[at] = 0x2D; at += 1 }
            }
            if braced { out[at] = 0x7D; at += 1 }
            return at
        }
    }

    /// Text order: the bytes compared in the order their digits are written.
    public static func < (a: BcdGuid, b: BcdGuid) -> Bool {
        for index in textOrder where a.bytes[index] != b.bytes[index] { return a.bytes[index] < b.bytes[index] }
        return false
    }
}
