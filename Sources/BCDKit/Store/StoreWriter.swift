import BootCore

/// Applies the difference between two store contents to an open hive, touching only the
/// keys and values that changed, so everything else (unknown keys, values, security) stays.
enum StoreWriter {
    static func apply(from old: BCDStore, to new: BCDStore, in hive: Hive) throws(HiveError) {
        let objectsKey: Hive.Node
        if let existing = hive.child(of: hive.root, named: "Objects") {
            objectsKey = existing
        } else {
            objectsKey = try hive.addChild(to: hive.root, named: "Objects")
        }

        for object in old.objects where !new.contains(object.id) {
            if let node = hive.child(of: objectsKey, named: object.id.braced) { try hive.delete(node) }
        }
        for object in new.objects {
            let before = old[object.id]
            guard before != object else { continue }
            let node = try hive.childOrNew(of: objectsKey, named: object.id.braced)
            if before?.type != object.type {
                let description = try hive.childOrNew(of: node, named: "Description")
                try hive.setValue(of: description, named: "Type",
                                  to: RegistryValue(type: .dword, data: Self.dword(object.type.rawValue)))
            }
            let elementsKey = try hive.childOrNew(of: node, named: "Elements")
            for element in before?.elements ?? [] where object[element.type] == nil {
                if let elementNode = hive.child(of: elementsKey, named: element.type.keyName) { try hive.delete(elementNode) }
            }
            for element in object.elements where before?[element.type] != element {
                let elementNode = try hive.childOrNew(of: elementsKey, named: element.type.keyName)
                try hive.setValue(of: elementNode, named: "Element", to: element.raw)
            }
        }
    }

    /// Keys a new store gets, as bcdedit /createstore makes them.
    static func initialize(_ hive: Hive) throws(HiveError) {
        let description = try hive.addChild(to: hive.root, named: "Description")
        try hive.setValue(of: description, named: "KeyName", to: RegistryValue(type: .string, data: BcdText.encodeSingle("BCD00000000")))
        try hive.addChild(to: hive.root, named: "Objects")
    }

    /// A REG_DWORD's data: 4 bytes, little-endian.
    static func dword(_ value: UInt32) -> [UInt8] {
        var data: [UInt8] = []
        data.appendLE(value)
        return data
    }
}
