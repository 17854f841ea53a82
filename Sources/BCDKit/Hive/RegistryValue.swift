/// Registry value types as stored in a hive's vk cell (REG_*).
public enum RegistryType: UInt32, Sendable, Codable {
    case none = 0, string = 1, expandString = 2, binary = 3, dword = 4, dwordBigEndian = 5
    case link = 6, multiString = 7, resourceList = 8, fullResourceDescriptor = 9
    case resourceRequirementsList = 10, qword = 11
}

/// One registry value exactly as stored: its type tag and raw data bytes.
public struct RegistryValue: Hashable, Sendable {
    /// The raw type tag (kept as a number: hives may carry tags outside RegistryType).
    public var typeTag: UInt32
    public var data: [UInt8]

    public init(typeTag: UInt32, data: [UInt8]) {
        self.typeTag = typeTag
        self.data = data
    }

    public init(type: RegistryType, data: [UInt8]) {
        self.init(typeTag: type.rawValue, data: data)
    }

    public var type: RegistryType? { RegistryType(rawValue: typeTag) }
}
