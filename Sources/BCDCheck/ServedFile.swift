/// A file the loader will serve, named as it will be named (iPXE's `imgfetch --name NAME`).
public struct ServedFile: Sendable, Hashable {
    public var name: String
    /// Where the file is on this machine.
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}

/// The checker's former name for `ServedFile` (the same type), still spelled so in Check.swift and
/// CheckOSLoader.swift while the WIM-rule work on another branch edits them; rename there on merge.
public typealias SuppliedFile = ServedFile
