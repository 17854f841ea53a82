/// A BCD element type id: class in bits 28-31 (1 library, 2 application, 3 device),
/// value format in bits 24-27, subtype in bits 0-23. Stored as the 8-hex-digit key name
/// `Elements\xxxxxxxx` of its object.
public struct BcdElementType: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Parses the registry key name ("12000004", exactly 8 digits) or "0x12000004" (1-8 digits).
    public init?(keyName: String) {
        // Read in place (this runs for every element key of a store): no array of the bytes.
        var name = keyName
        guard let value = name.withUTF8({ Self.parse($0) }) else { return nil }
        rawValue = value
    }

    /// 8 hex digits, or `0x` and 1 to 8.
    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let prefixed = utf8.count >= 2 && utf8[0] == 0x30 && asciiLowercased(utf8[1]) == 0x78
        let digits = utf8[(prefixed ? 2 : 0)...]
        guard prefixed ? (1...8).contains(digits.count) : digits.count == 8 else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            guard let nibble = hexValue(digit) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    public var elementClass: UInt32 { rawValue >> 28 }
    public var format: BcdElementFormat? { BcdElementFormat(rawValue: UInt8((rawValue >> 24) & 0xF)) }

    /// The key name Windows uses: 8 lower-case hex digits.
    public var keyName: String { String(decoding: hexBytes(rawValue, digits: 8), as: UTF8.self) }
    public var description: String { keyName }

    public static func < (a: BcdElementType, b: BcdElementType) -> Bool { a.rawValue < b.rawValue }
}

/// How an element's value is stored (bits 24-27 of the element type).
public enum BcdElementFormat: UInt8, Sendable, CaseIterable {
    case device = 1, string = 2, object = 3, objectList = 4, integer = 5, boolean = 6, integerList = 7
}
