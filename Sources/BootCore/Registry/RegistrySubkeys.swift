/// Subkey lists: "lf"/"lh" (count u16 at 0x02, 8-byte entries from 0x04: key cell, hash),
/// "li" (4-byte key cells from 0x04), "ri" (4-byte cells of further lists). Index lists are
/// followed at most `maxIndexDepth` deep and `maxLists` lists per key, so loops end.
extension RegistryHive {
    static let maxIndexDepth = 4
    static let maxLists = 1024

    /// Cell offsets of `key`'s subkeys, in list order.
    public func subkeyCells(of key: RegistryKeyNode) throws(RegistryError) -> [UInt32] {
        var cells: [UInt32] = []
        cells.reserveCapacity(Int(min(key.subkeyCount, 4096)))
        try forEachSubkeyCell(of: key) { (cell) throws(RegistryError) in cells.append(cell); return true }
        return cells
    }

    /// Calls `body` with each subkey's cell offset, in list order, read in place, until it
    /// returns false.
    func forEachSubkeyCell(of key: RegistryKeyNode, _ body: (UInt32) throws(RegistryError) -> Bool) throws(RegistryError) {
        guard key.subkeyCount > 0 else { return }
        var lists = 0
        _ = try visit(key.subkeyList, depth: 0, lists: &lists, body)
    }

    /// False once `body` has asked to stop.
    private func visit(_ list: UInt32, depth: Int, lists: inout Int, _ body: (UInt32) throws(RegistryError) -> Bool) throws(RegistryError) -> Bool {
        let data = try cellData(list)
        lists += 1
        guard depth <= RegistryHive.maxIndexDepth, lists <= RegistryHive.maxLists else { throw .indexTooDeep(offset: data.lowerBound - 4) }
        guard let count = u16(data, 0x02) else { throw .badCell(offset: data.lowerBound - 4) }
        let isIndex = hasSignature(data, "ri")
        let stride: Int
        if hasSignature(data, "lf") || hasSignature(data, "lh") {
            stride = 8
        } else if hasSignature(data, "li") || isIndex {
            stride = 4
        } else {
            throw .badRecord(offset: data.lowerBound - 4, expected: "lf/lh/li/ri")
        }
        for i in 0..<Int(count) {
            guard let cell = u32(data, 0x04 + i * stride) else { throw .badCell(offset: data.lowerBound - 4) }
            if isIndex {
                guard try visit(cell, depth: depth + 1, lists: &lists, body) else { return false }
            } else {
                guard try body(cell) else { return false }
            }
        }
        return true
    }

    public func subkeys(of key: RegistryKeyNode) throws(RegistryError) -> [RegistryKeyNode] {
        var out: [RegistryKeyNode] = []
        out.reserveCapacity(Int(min(key.subkeyCount, 4096)))   // the count is the file's word: bounded
        try forEachSubkeyCell(of: key) { (cell) throws(RegistryError) in out.append(try self.key(at: cell)); return true }
        return out
    }

    /// The subkey named `name` (ASCII case ignored), or nil.
    public func subkey(of key: RegistryKeyNode, named name: String) throws(RegistryError) -> RegistryKeyNode? {
        try subkey(of: key, named: name.utf8)
    }

    /// The subkey named `name` (UTF-8, ASCII case ignored), or nil.
    func subkey<Name: Collection<UInt8>>(of key: RegistryKeyNode, named name: Name) throws(RegistryError) -> RegistryKeyNode? {
        var found: UInt32?
        try forEachSubkeyCell(of: key) { (cell) throws(RegistryError) in
            let stored = try keyName(in: try record(cell, "nk"))
            guard RegistryName.matches(in: bytes, at: stored.start, length: stored.length, compressed: stored.compressed, name) else { return true }
            found = cell
            return false
        }
        guard let found else { return nil }
        return try self.key(at: found)
    }
}
