/// One image of a WIM: its decompressed metadata resource (security data, then the
/// directory tree), with path lookup and directory listing.
public struct WIMImage: Sendable {
    /// 1-based image index.
    public let index: Int
    public let root: WIMDirectoryEntry
    let parser: DentryParser

    init(index: Int, metadata: [UInt8], blobs: BlobTable) throws(WIMError) {
        self.index = index
        // Security data: total length u32 (includes its 8-byte header), entry count u32,
        // then sizes and descriptors; the root dentry follows at the 8-aligned length.
        guard let securityLength = metadata.le32(at: 0) else { throw .truncated(.securityData) }
        let rootOffset = wimAlign8(max(Int(securityLength), 8))
        guard rootOffset < metadata.count else { throw .corrupt(.securityData) }
        parser = DentryParser(bytes: metadata, blobs: blobs)
        guard let (root, _) = try parser.entry(at: rootOffset) else { throw .corrupt(.directoryEntry) }
        guard root.isDirectory else { throw .corrupt(.directoryEntry) }
        self.root = root
    }

    /// The entries of `directory` (the root when nil).
    public func listDirectory(_ directory: WIMDirectoryEntry? = nil) throws(WIMError) -> [WIMDirectoryEntry] {
        let directory = directory ?? root
        guard directory.isDirectory else { throw .notADirectory }
        return try parser.children(startingAt: directory.subdirectoryOffset)
    }

    /// Finds `path` ("\Windows\System32\x.dll", "/sources/boot.wim", "" = root),
    /// case-insensitively.
    public func lookup(_ path: String) throws(WIMError) -> WIMDirectoryEntry {
        try lookup(utf16: Array(path.utf16))
    }

    /// The same lookup for a path given as UTF-16 code units (the loader's form: its paths are
    /// ASCII bytes widened, so it needs no String code).
    public func lookup(utf16 path: [UInt16]) throws(WIMError) -> WIMDirectoryEntry {
        var components: [[UInt16]] = [[]]
        for unit in path {
            if unit == 0x5C || unit == 0x2F {  // '\' or '/'
                if !components[components.count - 1].isEmpty { components.append([]) }
            } else {
                components[components.count - 1].append(unit)
            }
        }
        var current = root
        for component in components where !component.isEmpty {
            guard current.isDirectory else { throw .notADirectory }
            var found: WIMDirectoryEntry? = nil
            for child in try listDirectory(current) where WIMName.equalIgnoringCase(child.nameUTF16, component) {
                found = child
                break
            }
            guard let next = found else { throw .pathNotFound }
            current = next
        }
        return current
    }
}
