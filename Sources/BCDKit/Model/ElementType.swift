/// A BCD element type id: class in bits 28-31 (1 library, 2 application, 3 device),
/// value format in bits 24-27, subtype in bits 0-23. Stored as the 8-hex-digit key name.
public struct ElementType: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Parses the registry key name ("12000004") or "0x12000004".
    public init?(keyName: String) {
        var text = Substring(keyName)
        if text.lowercased().hasPrefix("0x") { text = text.dropFirst(2) }
        guard text.count == 8 || keyName.lowercased().hasPrefix("0x"), !text.isEmpty, text.count <= 8,
              let value = UInt32(text, radix: 16) else { return nil }
        rawValue = value
    }

    public var elementClass: UInt32 { rawValue >> 28 }
    public var format: ElementFormat? { ElementFormat(rawValue: UInt8((rawValue >> 24) & 0xF)) }

    /// The key name Windows uses: 8 lower-case hex digits.
    public var keyName: String { hex(rawValue) }
    public var description: String { keyName }

    public static func < (a: ElementType, b: ElementType) -> Bool { a.rawValue < b.rawValue }
}

/// How an element's value is stored (bits 24-27 of the element type).
public enum ElementFormat: UInt8, Sendable, CaseIterable {
    case device = 1, string = 2, object = 3, objectList = 4, integer = 5, boolean = 6, integerList = 7

    /// The registry type Windows stores this format as.
    public var registryType: RegistryType {
        switch self {
        case .string, .object: return .string
        case .objectList: return .multiString
        case .device, .integer, .boolean, .integerList: return .binary
        }
    }

    public var name: String {
        switch self {
        case .device: return "device"
        case .string: return "string"
        case .object: return "object"
        case .objectList: return "object list"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .integerList: return "integer list"
        }
    }
}
