/// The nine directories of the virtual boot disk. Every supplied file appears in each of them,
/// because the Windows Boot Manager and the BCD written by different tools look for
/// bootmgr, BCD, boot.sdi and boot.wim in different places.
public enum VirtualDirectories {
    /// Path components of each directory; index 0 is the root. A parent always comes before
    /// its children, so the list can be built in order.
    public static let components: [[String]] = [
        [],
        ["Boot"],
        ["Boot", "Fonts"],
        ["Boot", "Resources"],
        ["Sources"],
        ["EFI"],
        ["EFI", "Boot"],
        ["EFI", "Microsoft"],
        ["EFI", "Microsoft", "Boot"],
    ]

    public static var count: Int { components.count }

    /// Index of the parent directory (the root is its own parent).
    public static func parent(of index: Int) -> Int {
        let path = components[index]
        if path.isEmpty { return 0 }
        return self.index(of: Array(path.dropLast())) ?? 0
    }

    /// Indices of the directories directly inside `index`, in list order.
    public static func children(of index: Int) -> [Int] {
        var result: [Int] = []
        for i in 1..<components.count where components[i].count == components[index].count + 1 && parent(of: i) == index {
            result.append(i)
        }
        return result
    }

    /// Directory with these components (ASCII case-insensitive), or nil.
    public static func index(of path: [String]) -> Int? {
        outer: for i in 0..<components.count where components[i].count == path.count {
            for j in 0..<path.count where !asciiEqualIgnoringCase(components[i][j], path[j]) { continue outer }
            return i
        }
        return nil
    }

    /// `\`, `\Boot`, `\EFI\Microsoft\Boot`...
    public static func displayPath(of index: Int) -> String {
        let path = components[index]
        if path.isEmpty { return "\\" }
        var text = ""
        for part in path { text += "\\" + part }
        return text
    }

    /// Names that can never be used for a supplied file, since a directory of that name
    /// already sits in one of the nine directories.
    public static var reservedNames: [String] {
        reservedNameBytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// reservedNames as bytes, in the same order (the form VirtualFatDisk uses).
    public static var reservedNameBytes: [[UInt8]] {
        var names: [[UInt8]] = []
        for path in components {
            if let last = path.last.map({ Array($0.utf8) }), !names.contains(where: { asciiEqualIgnoringCase($0, last) }) { names.append(last) }
        }
        return names
    }

    /// Is `name` one of reservedNames (ASCII case-insensitive)? The loader skips such an input.
    public static func isReserved(_ name: String) -> Bool {
        isReserved(Array(name.utf8))
    }

    /// The same rule for a name as bytes (the loader's form).
    public static func isReserved(_ name: [UInt8]) -> Bool {
        for path in components {
            if let last = path.last, asciiEqualIgnoringCase(Array(last.utf8), name) { return true }
        }
        return false
    }
}
