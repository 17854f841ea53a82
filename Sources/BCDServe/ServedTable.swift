import Foundation

/// The names a server answers and where each one's bytes come from. Requests are looked up
/// here by name only: a request path is never mapped onto the file system, so `..`, other
/// directories and listings have nothing to reach.
public struct ServedTable: Sendable {
    public enum Source: Sendable {
        /// A host file, read when it is requested, wherever it is (the loader; a test boot's files).
        case file(String)
        /// A file of the workspace: served only while its real path (links followed) is inside
        /// it, checked at each request since links may change after the server starts.
        case workspaceFile(String)
        /// Bytes made for the request; the argument is its Host header (nil without one), e.g.
        /// for an iPXE script whose URLs point back at the address the client used.
        case generated(@Sendable (_ host: String?) -> [UInt8])
    }

    /// What a name resolves to.
    public enum Lookup {
        case file(path: String, size: UInt64)
        case bytes([UInt8])
        case notFound
        /// The file's real path (symbolic links followed) leaves the workspace.
        case outside(String)
    }

    public private(set) var entries: [(name: String, source: Source)] = []
    /// The directory `workspaceFile` entries must resolve inside (its real path).
    public var workspace: String?

    public init(workspace: String? = nil) {
        self.workspace = workspace.map(Self.realPath)
    }

    /// Adds or replaces `name` (names are matched exactly, as the iPXE script spells them).
    public mutating func add(_ name: String, _ source: Source) {
        entries.removeAll { $0.name == name }
        entries.append((name, source))
    }

    public var names: [String] { entries.map(\.name) }

    /// `path` is the request's decoded path ("/boot.wim"): one component after the slash.
    public func lookup(path: String, host: String? = nil) -> Lookup {
        guard path.hasPrefix("/") else { return .notFound }
        let name = String(path.dropFirst())
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..",
              let entry = entries.first(where: { $0.name == name }) else { return .notFound }
        switch entry.source {
        case .generated(let make):
            return .bytes(make(host))
        case .file(let path), .workspaceFile(let path):
            let real = Self.realPath(path)
            if case .workspaceFile = entry.source, !real.hasPrefix((workspace ?? "/nowhere") + "/") { return .outside(real) }
            var info = stat()
            guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .notFound }
            return .file(path: real, size: UInt64(info.st_size))
        }
    }

    /// The path with every symbolic link followed (the path itself when it does not resolve).
    public static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
