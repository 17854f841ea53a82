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

