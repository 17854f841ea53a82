/// A key node ("nk" cell). Fields from the cell data: flags 0x02 (0x20: compressed name),
/// subkey count 0x14, subkey list 0x1C, value count 0x24, value list 0x28, name length 0x48,
/// name 0x4C.
public struct RegistryKeyNode {
    /// Cell offset (relative to 0x1000).
    public let cell: UInt32
    /// The name as stored (a slice of the hive's bytes, so building a node allocates nothing).
    let nameBytes: ArraySlice<UInt8>
    let compressedName: Bool
    let subkeyCount: UInt32
    let subkeyList: UInt32
    let valueCount: UInt32
    let valueList: UInt32

    public var nameUnits: [UInt16] { RegistryName.units(nameBytes, compressed: compressedName) }
    public var name: String { RegistryName.text(nameBytes, compressed: compressedName) }
}

extension RegistryHive {
    public func rootKey() throws(RegistryError) -> RegistryKeyNode { try key(at: rootCell) }

    public func key(at cell: UInt32) throws(RegistryError) -> RegistryKeyNode {
        let data = try record(cell, "nk")
        let name = try keyName(in: data)
        guard let subkeys = u32(data, 0x14), let subkeyList = u32(data, 0x1C),
              let values = u32(data, 0x24), let valueList = u32(data, 0x28) else { throw .badCell(offset: data.lowerBound - 4) }
        return RegistryKeyNode(cell: cell, nameBytes: bytes[name.start..<name.start + name.length], compressedName: name.compressed,
                               subkeyCount: subkeys, subkeyList: subkeyList, valueCount: values, valueList: valueList)
    }

    /// Where the name of the nk cell `data` is (length 0x48, bytes from 0x4C, flag 0x20 at 0x02:
    /// compressed), checked against the cell: name lookups read this alone.
    func keyName(in data: Range<Int>) throws(RegistryError) -> (start: Int, length: Int, compressed: Bool) {
        guard let flags = u16(data, 0x02), let nameLength = u16(data, 0x48),
              0x4C + Int(nameLength) <= data.count else { throw .badCell(offset: data.lowerBound - 4) }
        return (data.lowerBound + 0x4C, Int(nameLength), flags & 0x20 != 0)
    }

    /// The key at `path` (components separated by "\", compared ignoring ASCII case) below
    /// `start` (the root key when nil).
    public func key(path: String, from start: RegistryKeyNode? = nil) throws(RegistryError) -> RegistryKeyNode {
        var key: RegistryKeyNode
        if let start { key = start } else { key = try rootKey() }
        var component: [UInt8] = []
        for byte in Array(path.utf8) + [0x5C] {
            guard byte == 0x5C else { component.append(byte); continue }
            if component.isEmpty { continue }
            guard let next = try subkey(of: key, named: component) else { throw .keyNotFound(path: path) }
            key = next
            component = []
        }
        return key
    }
}
