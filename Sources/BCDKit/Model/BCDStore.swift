/// The content of a BCD store as a value: editing a copy never touches the file, and an
/// editor's undo is a stack of these.
public struct BCDStore: Hashable, Sendable {
    /// Objects in the order the hive lists them (sorted by key name).
    public private(set) var objects: [BCDObject]

    public init(objects: [BCDObject] = []) {
        self.objects = objects
    }

    public subscript(id: BCDGUID) -> BCDObject? {
        get { objects.first { $0.id == id } }
        set {
            if let index = objects.firstIndex(where: { $0.id == id }) {
                if let newValue { objects[index] = newValue } else { objects.remove(at: index) }
            } else if let newValue {
                objects.append(newValue)
                objects.sort { $0.id.braced < $1.id.braced }
            }
        }
    }

    public func contains(_ id: BCDGUID) -> Bool { self[id] != nil }

    public mutating func add(_ object: BCDObject) { self[object.id] = object }

    @discardableResult
    public mutating func remove(_ id: BCDGUID) -> BCDObject? {
        let old = self[id]
        self[id] = nil
        return old
    }

    /// Every (object, element) whose object or object-list value names `id`.
    public func references(to id: BCDGUID) -> [(object: BCDGUID, element: ElementType)] {
        var found: [(BCDGUID, ElementType)] = []
        for object in objects {
            for element in object.elements {
                switch element.value {
                case .object(let target)? where target == id: found.append((object.id, element.type))
                case .objectList(let list)? where list.contains(id): found.append((object.id, element.type))
                case .device(let device)? where device.options == id: found.append((object.id, element.type))
                default: break
                }
            }
        }
        return found
    }
}
