import BootCore

/// A decoded element value. Decoding never loses data: the registry bytes stay the source of
/// truth (BCDElement.raw) and a value that does not decode exactly is shown raw.
public enum ElementValue: Hashable, Sendable {
    case device(DeviceElement)
    case string(String)
    case object(BCDGUID)
    case objectList([BCDGUID])
    case integer(UInt64)
    case boolean(Bool)
    case integerList([UInt64])

    /// Decodes `raw` as `format`; nil when the bytes are not exactly that format.
    public init?(decoding raw: RegistryValue, as format: ElementFormat) {
        switch format {
        case .device:
            guard let device = DeviceElement(bytes: raw.data) else { return nil }
            self = .device(device)
        case .string:
            guard let text = BcdText.decodeSingle(raw.data) else { return nil }
            self = .string(text)
        case .object:
            guard let text = BcdText.decodeSingle(raw.data), let guid = BCDGUID(text) else { return nil }
            self = .object(guid)
        case .objectList:
            guard let items = BcdText.decodeMulti(raw.data) else { return nil }
            let guids = items.compactMap { BCDGUID($0) }
            guard guids.count == items.count else { return nil }
            self = .objectList(guids)
        case .integer:
            // Microsoft's media stores use 1-3 byte integers; bcdedit writes 8.
            guard (1...8).contains(raw.data.count) else { return nil }
            self = .integer(littleEndian(raw.data))
        case .boolean:
            guard (1...8).contains(raw.data.count) else { return nil }
            self = .boolean(littleEndian(raw.data) != 0)
        case .integerList:
            guard raw.data.count % 8 == 0 else { return nil }
            self = .integerList(stride(from: 0, to: raw.data.count, by: 8).map { littleEndian(Array(raw.data[$0..<$0 + 8])) })
        }
    }

    /// The registry value Windows would store for this value.
    public var encoded: RegistryValue {
        switch self {
        case .device(let device): return RegistryValue(type: .binary, data: device.encoded)
        case .string(let text): return RegistryValue(type: .string, data: BcdText.encodeSingle(text))
        case .object(let guid): return RegistryValue(type: .string, data: BcdText.encodeSingle(guid.braced))
        case .objectList(let guids): return RegistryValue(type: .multiString, data: BcdText.encodeMulti(guids.map(\.braced)))
        case .integer(let value): return RegistryValue(type: .binary, data: leBytes(value, count: 8))
        case .boolean(let value): return RegistryValue(type: .binary, data: [value ? 1 : 0])
        case .integerList(let values): return RegistryValue(type: .binary, data: values.flatMap { leBytes($0, count: 8) })
        }
    }

    public var format: ElementFormat {
        switch self {
        case .device: return .device
        case .string: return .string
        case .object: return .object
        case .objectList: return .objectList
        case .integer: return .integer
        case .boolean: return .boolean
        case .integerList: return .integerList
        }
    }
}

func littleEndian(_ bytes: [UInt8]) -> UInt64 {
    bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
}

func leBytes(_ value: UInt64, count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
}
