import BootCore

/// Builds a BCDStore from an open hive: `\Objects\{guid}\Description` (value Type) and
/// `\Objects\{guid}\Elements\xxxxxxxx` (value Element).
enum StoreReader {
    static func read(_ hive: Hive, path: String) throws(StoreError) -> (BCDStore, warnings: [String]) {
        guard let objectsKey = hive.child(of: hive.root, named: "Objects") else {
            throw .notAStore(path: path, reason: "it has no \\Objects key")
        }
        var warnings: [String] = []
        if hive.child(of: hive.root, named: "Description") == nil {
            warnings.append("\(path): the store has no \\Description key; bcdedit may not accept it as a system store")
        }
        var objects: [BCDObject] = []
        for node in hive.children(of: objectsKey) {
            let name = hive.name(of: node)
            guard let id = BCDGUID(name) else {
                warnings.append("\(path): key \\Objects\\\(name) is not an object id; left untouched")
                continue
            }
            objects.append(try readObject(hive, node: node, id: id, path: path, warnings: &warnings))
        }
        return (BCDStore(objects: objects), warnings)
    }

    private static func readObject(_ hive: Hive, node: Hive.Node, id: BCDGUID, path: String,
                                   warnings: inout [String]) throws(StoreError) -> BCDObject {
        var type = ObjectType(rawValue: 0)
        if let description = hive.child(of: node, named: "Description"),
           let typeValue = hive.value(of: description, named: "Type") {
            let raw = try contents(hive, typeValue)
            if raw.data.count == 4, let code = raw.data.le32(at: 0) { type = ObjectType(rawValue: code) }
        } else {
            warnings.append("\(path): object \(id.braced) has no type")
        }
        var elements: [BCDElement] = []
        if let elementsKey = hive.child(of: node, named: "Elements") {
            for elementNode in hive.children(of: elementsKey) {
                let keyName = hive.name(of: elementNode)
                guard let elementType = ElementType(keyName: keyName) else {
                    warnings.append("\(path): object \(id.braced) has a key Elements\\\(keyName) that is not an element id; left untouched")
                    continue
                }
                guard let value = hive.value(of: elementNode, named: "Element") else { continue }
                elements.append(BCDElement(type: elementType, raw: try contents(hive, value)))
            }
        }
        return BCDObject(id: id, type: type, elements: elements)
    }

    private static func contents(_ hive: Hive, _ value: Hive.Value) throws(StoreError) -> RegistryValue {
        do { return try hive.contents(of: value) } catch { throw .hive(error.description) }
    }
}
