/// The content of a BCD store as a value: editing a copy never touches the file, and an
/// editor's undo is a stack of these.
public struct BCDStore: Hashable, Sendable {
    /// Objects in the order the hive lists them (sorted by key name).
    public private(set) var objects: [BCDObject] {
        didSet { positions = BCDStore.positions(of: objects) }
    }
    /// Where each object is in `objects`, for constant-time lookup by id.
    private var positions: [BCDGUID: Int]

    public init(objects: [BCDObject] = []) {
        self.objects = objects
        positions = BCDStore.positions(of: objects)
    }

    private static func positions(of objects: [BCDObject]) -> [BCDGUID: Int] {
        Dictionary(objects.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (a: BCDStore, b: BCDStore) -> Bool { a.objects == b.objects }
    public func hash(into hasher: inout Hasher) { hasher.combine(objects) }

    public subscript(id: BCDGUID) -> BCDObject? {
        get { positions[id].map { objects[$0] } }
        set {
            if let index = positions[id] {
                if let newValue { objects[index] = newValue } else { objects.remove(at: index) }
            } else if let newValue {
                // Keep key order: insert where the hive lists it (key names sort as lower-case text).
                let key = newValue.id.description
                let index = objects.firstIndex { $0.id.description > key } ?? objects.endIndex
                objects.insert(newValue, at: index)
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
