/// A decoded element value. Decoding never loses data: the element's bytes stay the source
/// of truth and a value that does not decode exactly is kept (and shown) raw.
public enum BcdElementValue: Hashable, Sendable {
    case device(BcdDeviceElement)
    case string(String)
    case object(BcdGuid)
    case objectList([BcdGuid])
    case integer(UInt64)
    case boolean(Bool)
    case integerList([UInt64])

    /// Decodes element `data` as `format`; nil when the bytes are not exactly that format.
    public init?(data: [UInt8], format: BcdElementFormat) {
        switch format {
        case .device:
            guard let device = BcdDeviceElement(bytes: data) else { return nil }
            self = .device(device)
        case .string:
            guard let text = BcdText.decodeSingle(data) else { return nil }
            self = .string(text)
        case .object:
            guard let text = BcdText.decodeSingle(data), let guid = BcdGuid(text) else { return nil }
            self = .object(guid)
        case .objectList:
            guard let items = BcdText.decodeMulti(data) else { return nil }
            var guids: [BcdGuid] = []
            for item in items {
                guard let guid = BcdGuid(item) else { return nil }
                guids.append(guid)
            }
            self = .objectList(guids)
        case .integer:
            // Microsoft's media stores use 1-3 byte integers; bcdedit writes 8.
            guard let value = Self.integer(data) else { return nil }
            self = .integer(value)
        case .boolean:
            guard let value = Self.integer(data) else { return nil }
            self = .boolean(value != 0)
        case .integerList:
            guard data.count % 8 == 0 else { return nil }
            var values: [UInt64] = []
            var offset = 0
            while let value = data.le64(at: offset) {
                values.append(value)
                offset += 8
            }
            self = .integerList(values)
        }
    }

    /// A little-endian integer of 1 to 8 bytes.
    static func integer(_ data: [UInt8]) -> UInt64? {
        guard data.count >= 1, data.count <= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<data.count { value |= UInt64(data[index]) << (8 * UInt64(index)) }
        return value
    }

    /// The bytes Windows stores for this value (as REG_SZ, REG_MULTI_SZ or REG_BINARY by format).
    public var data: [UInt8] {
        var out: [UInt8] = []
        switch self {
        case .device(let device): return device.encoded
        case .string(let text): return BcdText.encodeSingle(text)
        case .object(let guid): return BcdText.encodeSingle(guid.braced)
        case .objectList(let guids):
            var texts: [String] = []
            for guid in guids { texts.append(guid.braced) }
            return BcdText.encodeMulti(texts)
        case .integer(let value): out.appendLE(value)
        case .boolean(let value): out.append(value ? 1 : 0)
        case .integerList(let values): for value in values { out.appendLE(value) }
        }
        return out
    }

    public var format: BcdElementFormat {
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
