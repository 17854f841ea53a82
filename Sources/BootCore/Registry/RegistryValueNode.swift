/// A value ("vk" cell). Fields from the cell data: name length 0x02, data size 0x04 (high
/// bit set: the data, at most 4 bytes, sits in the data-offset field itself), data cell 0x08,
/// type 0x0C, flags 0x10 (bit 0: compressed name), name 0x14. A key's value list is a cell
/// of 4-byte vk cell offsets.
public struct RegistryValueNode {
    /// REG_* type tag (1 REG_SZ, 3 REG_BINARY, 7 REG_MULTI_SZ, ...).
    public let type: UInt32
    /// The name as stored, and the vk flags (0x10) that say how.
    let rawName: ArraySlice<UInt8>
    let flags: UInt16
    let dataSize: UInt32
    let dataField: UInt32

    public var nameUnits: [UInt16] { RegistryName.units(rawName, compressed: flags & 1 != 0) }
    public var name: String { RegistryName.text(rawName, compressed: flags & 1 != 0) }
}

extension RegistryHive {
    public func values(of key: RegistryKeyNode) throws(RegistryError) -> [RegistryValueNode] {
        var out: [RegistryValueNode] = []
        for cell in try valueCells(of: key) { out.append(try value(at: cell)) }
        return out
    }

    /// The vk cell offsets of `key`'s value list, in list order.
    func valueCells(of key: RegistryKeyNode) throws(RegistryError) -> [UInt32] {
        var cells: [UInt32] = []
        cells.reserveCapacity(Int(min(key.valueCount, 1024)))
        try forEachValueCell(of: key) { (cell) throws(RegistryError) in cells.append(cell); return true }
        return cells
    }

    /// Calls `body` with each vk cell offset of `key`'s value list, read in place, until it
    /// returns false (lookups run for every element of every object: no list is built).
    func forEachValueCell(of key: RegistryKeyNode, _ body: (UInt32) throws(RegistryError) -> Bool) throws(RegistryError) {
        guard key.valueCount > 0 else { return }
        let list = try cellData(key.valueList)
        guard Int(key.valueCount) <= list.count / 4 else { throw .badCell(offset: list.lowerBound - 4) }
        for i in 0..<Int(key.valueCount) {
            guard let cell = u32(list, i * 4) else { throw .badCell(offset: list.lowerBound - 4) }
            guard try body(cell) else { return }
        }
    }

    func value(at cell: UInt32) throws(RegistryError) -> RegistryValueNode {
        let data = try record(cell, "vk")
        guard let nameLength = u16(data, 0x02), let size = u32(data, 0x04), let field = u32(data, 0x08),
              let type = u32(data, 0x0C), let flags = u16(data, 0x10),
              0x14 + Int(nameLength) <= data.count else { throw .badCell(offset: data.lowerBound - 4) }
        let nameStart = data.lowerBound + 0x14
        let raw = bytes[nameStart..<nameStart + Int(nameLength)]
        return RegistryValueNode(type: type, rawName: raw, flags: flags, dataSize: size, dataField: field)
    }

    /// `key`'s value named `name` (ASCII case ignored; "" is the default value).
    public func value(of key: RegistryKeyNode, named name: String) throws(RegistryError) -> RegistryValueNode {
        guard let value = try valueIfPresent(of: key, named: name) else { throw .valueNotFound(name: name) }
        return value
    }

    /// The same, nil when `key` has no such value.
    public func valueIfPresent(of key: RegistryKeyNode, named name: String) throws(RegistryError) -> RegistryValueNode? {
        let wanted = name.utf8
        var found: UInt32?
        try forEachValueCell(of: key) { (cell) throws(RegistryError) in
            let data = try record(cell, "vk")
            guard let nameLength = u16(data, 0x02), let flags = u16(data, 0x10),
                  0x14 + Int(nameLength) <= data.count else { throw .badCell(offset: data.lowerBound - 4) }
            let nameStart = data.lowerBound + 0x14
            guard RegistryName.matches(in: bytes, at: nameStart, length: Int(nameLength), compressed: flags & 1 != 0, wanted) else { return true }
            found = cell
            return false
        }
        guard let found else { return nil }
        return try value(at: found)
    }

    /// The value's data bytes: inline, in one cell, or in big-data segments.
    public func data(of value: RegistryValueNode) throws(RegistryError) -> [UInt8] {
        if value.dataSize & 0x8000_0000 != 0 {
            let size = Int(value.dataSize & 0x7FFF_FFFF)
            guard size <= 4 else { throw .badRecord(offset: 0, expected: "inline data of at most 4 bytes") }
            var inline: [UInt8] = []
            inline.appendLE(value.dataField, width: 4)
            return Array(inline[0..<size])
        }
        let size = Int(value.dataSize)
        if size == 0 { return [] }
        let data = try cellData(value.dataField)
        if size > RegistryHive.bigDataSegment, hasSignature(data, "db") { return try bigData(data, size: size) }
        guard size <= data.count else { throw .badCell(offset: data.lowerBound - 4) }
        return Array(bytes[data.lowerBound..<data.lowerBound + size])
    }
}
