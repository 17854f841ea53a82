import BootCore

/// Element type ids and formats are BootCore's (`BcdElementType`, `BcdElementFormat`,
/// `BcdElementID`); this file adds the registry type and the names BCDKit prints.
public typealias ElementType = BcdElementType
public typealias ElementFormat = BcdElementFormat
public typealias ElementIDs = BcdElementID

extension BcdElementFormat {
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
