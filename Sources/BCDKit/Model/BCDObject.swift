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
