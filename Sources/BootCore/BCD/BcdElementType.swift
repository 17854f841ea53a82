/// A BCD element type id: class in bits 28-31 (1 library, 2 application, 3 device),
/// value format in bits 24-27, subtype in bits 0-23. Stored as the 8-hex-digit key name
/// `Elements\xxxxxxxx` of its object.
public struct BcdElementType: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Parses the registry key name ("12000004", exactly 8 digits) or "0x12000004" (1-8 digits).
    public init?(keyName: String) {
        // Read in place (this runs for every element key of a store): no array of the bytes.
        let utf8 = keyName.utf8
        var rest = utf8[...]
        let prefixed = utf8.count >= 2 && utf8.first == 0x30 && utf8.dropFirst().first.map(asciiLowercased) == 0x78
        if prefixed { rest = rest.dropFirst(2) }
        let digits = prefixed ? utf8.count - 2 : utf8.count
        guard prefixed ? (1...8).contains(digits) : digits == 8 else { return nil }
        var value: UInt32 = 0
        for digit in rest {
            guard let nibble = hexValue(digit) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        rawValue = value
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
