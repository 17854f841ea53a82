/// One element of an object: its type id and the registry value exactly as stored.
public struct BCDElement: Hashable, Sendable {
    public var type: ElementType
    public var raw: RegistryValue

    public init(type: ElementType, raw: RegistryValue) {
        self.type = type
        self.raw = raw
    }

    public init(type: ElementType, value: ElementValue) {
        self.init(type: type, raw: value.encoded)
    }

    /// The decoded value, or nil when the format is unknown or the bytes do not decode exactly.
    public var value: ElementValue? {
        guard let format = type.format else { return nil }
        return ElementValue(decoding: raw, as: format)
    }
}

/// One BCD object: `Objects\{guid}` with `Description\Type` and `Elements\xxxxxxxx\Element`.
public struct BCDObject: Hashable, Sendable {
    public var id: BCDGUID
    public var type: ObjectType
    /// Elements ordered by type id, as bcdedit lists them.
    public private(set) var elements: [BCDElement]

    public init(id: BCDGUID, type: ObjectType, elements: [BCDElement] = []) {
        self.id = id
        self.type = type
        self.elements = elements.sorted { $0.type < $1.type }
    }

    public subscript(type: ElementType) -> BCDElement? {
        elements.first { $0.type == type }
    }

    public func value(_ type: UInt32) -> ElementValue? { self[ElementType(rawValue: type)]?.value }

    public mutating func set(_ element: BCDElement) {
        if let index = elements.firstIndex(where: { $0.type == element.type }) {
            elements[index] = element
        } else {
            elements.append(element)
            elements.sort { $0.type < $1.type }
        }
    }

    public mutating func set(_ type: UInt32, _ value: ElementValue) {
        set(BCDElement(type: ElementType(rawValue: type), value: value))
    }

    @discardableResult
    public mutating func remove(_ type: ElementType) -> BCDElement? {
        guard let index = elements.firstIndex(where: { $0.type == type }) else { return nil }
        return elements.remove(at: index)
    }

    /// The `description` element's text, if any.
    public var descriptionText: String? {
        if case .string(let text)? = value(ElementIDs.description) { return text }
        return nil
    }
}

/// Element ids the library itself relies on.
public enum ElementIDs {
    public static let device: UInt32 = 0x1100_0001
    public static let path: UInt32 = 0x1200_0002
    public static let description: UInt32 = 0x1200_0004
    public static let inherit: UInt32 = 0x1400_0006
    public static let recoverySequence: UInt32 = 0x1400_0008
    public static let displayOrder: UInt32 = 0x2400_0001
    public static let bootSequence: UInt32 = 0x2400_0002
    public static let defaultObject: UInt32 = 0x2300_0003    // bootmgr: default; osloader: resumeobject
    public static let timeout: UInt32 = 0x2500_0004
    public static let bootMgrResumeObject: UInt32 = 0x2300_0006
    public static let toolsDisplayOrder: UInt32 = 0x2400_0010
    public static let osDevice: UInt32 = 0x2100_0001
    public static let systemRoot: UInt32 = 0x2200_0002
    public static let detectHal: UInt32 = 0x2600_0010
    public static let winPE: UInt32 = 0x2600_0022
    public static let ramdiskSdiDevice: UInt32 = 0x3100_0003
    public static let ramdiskSdiPath: UInt32 = 0x3200_0004
}
