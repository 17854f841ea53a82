import BootCore

/// Builds a BCDStore from an open hive: `\Objects\{guid}\Description` (value Type) and
/// `\Objects\{guid}\Elements\xxxxxxxx` (value Element).
enum StoreReader {
    static func read<Source: StoreSource>(_ hive: Source, path: String) throws(StoreError) -> (BCDStore, warnings: [String]) {
        let root = try hive.rootNode()
        guard let objectsKey = try hive.child(of: root, named: "Objects") else {
            throw .notAStore(path: path, reason: "it has no \\Objects key")
        }
        var warnings: [String] = []
        if try hive.child(of: root, named: "Description") == nil {
            warnings.append("\(path): the store has no \\Description key; bcdedit may not accept it as a system store")
        }
        var objects: [BCDObject] = []
        for node in try hive.children(of: objectsKey) {
            let name = hive.name(of: node)
            guard let id = BCDGUID(name) else {
                warnings.append("\(path): key \\Objects\\\(name) is not an object id; left untouched")
                continue
            }
            objects.append(try readObject(hive, node: node, id: id, path: path, warnings: &warnings))
        }
        return (BCDStore(objects: objects), warnings)
    }

    private static func readObject<Source: StoreSource>(_ hive: Source, node: Source.Node, id: BCDGUID, path: String,
                                   warnings: inout [String]) throws(StoreError) -> BCDObject {
        var type = ObjectType(rawValue: 0)
        if let description = try hive.child(of: node, named: "Description"),
           let raw = try hive.valueContents(of: description, named: "Type") {
            if raw.data.count == 4, let code = raw.data.le32(at: 0) { type = ObjectType(rawValue: code) }
        } else {
            warnings.append("\(path): object \(id.braced) has no type")
        }
        var elements: [BCDElement] = []
        if let elementsKey = try hive.child(of: node, named: "Elements") {
            let elementNodes = try hive.children(of: elementsKey)
            elements.reserveCapacity(elementNodes.count)
            for elementNode in elementNodes {
                let keyName = hive.name(of: elementNode)
                guard let elementType = ElementType(keyName: keyName) else {
                    warnings.append("\(path): object \(id.braced) has a key Elements\\\(keyName) that is not an element id; left untouched")
                    continue
                }
                guard let raw = try hive.valueContents(of: elementNode, named: "Element") else { continue }
                elements.append(BCDElement(type: elementType, raw: raw))
            }
        }
        return BCDObject(id: id, type: type, elements: elements)
    }
}
