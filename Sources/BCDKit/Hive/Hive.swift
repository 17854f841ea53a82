import CHivex
import Glibc

/// A registry hive file opened through libhivex. Thin and typed: nodes and values are
/// opaque handles; no hivex type escapes this file. Writes stay in memory until `commit`.
public final class Hive {
    public struct Node: Hashable, Sendable { fileprivate let handle: Int }
    public struct Value: Hashable, Sendable { fileprivate let handle: Int }

    private let handle: OpaquePointer

    /// Opens `path`; `writable` lets the in-memory copy be modified and committed elsewhere.
    public init(path: String, writable: Bool) throws(HiveError) {
        guard let h = hivex_open(path, writable ? HIVEX_OPEN_WRITE : 0) else {
            throw .openFailed(path: path, reason: HiveError.describe(errno))
        }
        handle = h
    }

    deinit { hivex_close(handle) }

    public var root: Node { Node(handle: hivex_root(handle)) }

    public func name(of node: Node) -> String {
        guard let cName = hivex_node_name(handle, node.handle) else { return "" }
        defer { free(cName) }
        return String(cString: cName)
    }

    public func children(of node: Node) -> [Node] {
        Hive.handles(hivex_node_children(handle, node.handle)).map(Node.init(handle:))
    }

    /// Child by name, compared case-insensitively as the registry does.
    public func child(of node: Node, named name: String) -> Node? {
        let h = hivex_node_get_child(handle, node.handle, name)
        return h == 0 ? nil : Node(handle: h)
    }

    public func values(of node: Node) -> [Value] {
        Hive.handles(hivex_node_values(handle, node.handle)).map(Value.init(handle:))
    }

    /// hivex returns node and value lists as malloc'd, 0-terminated arrays.
    private static func handles(_ list: UnsafeMutablePointer<Int>?) -> [Int] {
        guard let list else { return [] }
        defer { free(list) }
        var result: [Int] = []
        var i = 0
        while list[i] != 0 {
            result.append(list[i])
            i += 1
        }
        return result
    }

    public func value(of node: Node, named name: String) -> Value? {
        let h = hivex_node_get_value(handle, node.handle, name)
        return h == 0 ? nil : Value(handle: h)
    }

    public func key(of value: Value) -> String {
        guard let cKey = hivex_value_key(handle, value.handle) else { return "" }
        defer { free(cKey) }
        return String(cString: cKey)
    }

    public func contents(of value: Value) throws(HiveError) -> RegistryValue {
        var type = hive_type(0)
        var length = 0
        guard let data = hivex_value_value(handle, value.handle, &type, &length) else {
            throw .corrupt(reason: "unreadable value \(key(of: value)): \(HiveError.describe(errno))")
        }
        defer { free(data) }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: length))
        return RegistryValue(typeTag: type.rawValue, data: bytes)
    }

    // MARK: writing (in memory until commit)

    @discardableResult
    public func addChild(to parent: Node, named name: String) throws(HiveError) -> Node {
        let h = hivex_node_add_child(handle, parent.handle, name)
        guard h != 0 else { throw .writeFailed(reason: "cannot add key \(name): \(HiveError.describe(errno))") }
        return Node(handle: h)
    }

    /// The named child, created when missing.
    public func childOrNew(of parent: Node, named name: String) throws(HiveError) -> Node {
        if let existing = child(of: parent, named: name) { return existing }
        return try addChild(to: parent, named: name)
    }

    public func delete(_ node: Node) throws(HiveError) {
        guard hivex_node_delete_child(handle, node.handle) == 0 else {
            throw .writeFailed(reason: "cannot delete key: \(HiveError.describe(errno))")
        }
    }

    /// Sets (adds or replaces) one value of `node`.
    public func setValue(of node: Node, named name: String, to value: RegistryValue) throws(HiveError) {
        let cKey = strdup(name)!
        let data = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, value.data.count))
        defer { free(cKey); data.deallocate() }
        value.data.withUnsafeBytes { src in
            if let base = src.baseAddress { UnsafeMutableRawPointer(data).copyMemory(from: base, byteCount: src.count) }
        }
        var set = hive_set_value(key: cKey, t: hive_type(value.typeTag), len: value.data.count, value: data)
        guard hivex_node_set_value(handle, node.handle, &set, 0) == 0 else {
            throw .writeFailed(reason: "cannot set value \(name): \(HiveError.describe(errno))")
        }
    }

    /// Removes one value of `node` by rewriting the node's value list without it.
    public func removeValue(of node: Node, named name: String) throws(HiveError) {
        var kept: [(String, RegistryValue)] = []
        for v in values(of: node) where key(of: v).lowercased() != name.lowercased() {
            kept.append((key(of: v), try contents(of: v)))
        }
        try replaceValues(of: node, with: kept)
    }

    private func replaceValues(of node: Node, with entries: [(String, RegistryValue)]) throws(HiveError) {
        let keys = entries.map { strdup($0.0) }
        let datas = entries.map { entry -> UnsafeMutablePointer<CChar> in
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, entry.1.data.count))
            entry.1.data.withUnsafeBytes { src in
                if let base = src.baseAddress { UnsafeMutableRawPointer(p).copyMemory(from: base, byteCount: src.count) }
            }
            return p
        }
        defer {
            keys.forEach { free($0) }
            datas.forEach { $0.deallocate() }
        }
        var sets = entries.indices.map { i in
            hive_set_value(key: keys[i], t: hive_type(entries[i].1.typeTag), len: entries[i].1.data.count, value: datas[i])
        }
        guard hivex_node_set_values(handle, node.handle, sets.count, &sets, 0) == 0 else {
            throw .writeFailed(reason: "cannot rewrite values: \(HiveError.describe(errno))")
        }
    }

    /// Writes the whole (modified) hive to `path`.
    public func commit(to path: String) throws(HiveError) {
        guard hivex_commit(handle, path, 0) == 0 else {
            throw .writeFailed(reason: "cannot write \(path): \(HiveError.describe(errno))")
        }
    }
}
