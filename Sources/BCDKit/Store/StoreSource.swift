import BootCore

/// What StoreReader needs from a hive: keys by name, their subkeys and one named value.
/// Two readers conform: libhivex (`Hive`, also the writer) and BootCore's regf reader
/// (`RegistryHive`, over the bytes already read), which opening uses: it reads a 1,000-object
/// store in a fraction of hivex's time (no per-name iconv, no per-call allocation in C).
/// Tests hold both to the same result on every fixture.
protocol StoreSource {
    associatedtype Node
    func rootNode() throws(StoreError) -> Node
    func name(of node: Node) -> String
    func children(of node: Node) throws(StoreError) -> [Node]
    func child(of node: Node, named name: String) throws(StoreError) -> Node?
    /// The value `name` of `node` (ASCII case ignored), or nil when it has none.
    func valueContents(of node: Node, named name: String) throws(StoreError) -> RegistryValue?
}

extension Hive: StoreSource {
    func rootNode() -> Node { root }

    func valueContents(of node: Node, named name: String) throws(StoreError) -> RegistryValue? {
        guard let value = value(of: node, named: name) else { return nil }
        do { return try contents(of: value) } catch { throw .hive(error.description) }
    }
}

/// BootCore's reader: a damaged cell is `StoreError.damaged`, with the store's path.
struct RegistryStoreSource: StoreSource {
    let hive: RegistryHive
    let path: String

    func rootNode() throws(StoreError) -> RegistryKeyNode { try checked { () throws(RegistryError) in try hive.rootKey() } }

    func name(of node: RegistryKeyNode) -> String { node.name }

    func children(of node: RegistryKeyNode) throws(StoreError) -> [RegistryKeyNode] {
        try checked { () throws(RegistryError) in try hive.subkeys(of: node) }
    }

    func child(of node: RegistryKeyNode, named name: String) throws(StoreError) -> RegistryKeyNode? {
        try checked { () throws(RegistryError) in try hive.subkey(of: node, named: name) }
    }

    func valueContents(of node: RegistryKeyNode, named name: String) throws(StoreError) -> RegistryValue? {
        try checked { () throws(RegistryError) in
            guard let value = try hive.valueIfPresent(of: node, named: name) else { return nil }
            return RegistryValue(typeTag: value.type, data: try hive.data(of: value))
        }
    }

    private func checked<T>(_ body: () throws(RegistryError) -> T) throws(StoreError) -> T {
        do { return try body() } catch { throw .damaged(path: path, reason: error.message) }
    }
}
