/// The virtual filesystem's path rules, shared by the loader and the host checks: a BCD path
/// such as `\Sources\boot.wim` resolves to a supplied file when its directory is one of the
/// nine virtual directories and its last component names the file — by long name or by the
/// 8.3 short name the virtual disk gives it. Either separator, any (ASCII) case.
public enum VirtualPathRules {
    /// Index in `names` of the supplied file `path` resolves to, or nil.
    public static func resolve(_ path: String, among names: [String]) -> Int? {
        var parts = split(path)
        guard let fileName = parts.popLast() else { return nil }
        guard VirtualDirectories.index(of: parts) != nil else { return nil }
        if let exact = names.firstIndex(where: { asciiEqualIgnoringCase($0, fileName) }) { return exact }
        if let shortNames = try? FatShortNameTable(longNames: names + VirtualDirectories.reservedNames) {
            for i in 0..<names.count where asciiEqualIgnoringCase(shortNames.displayName(at: i), fileName) { return i }
        }
        return nil
    }

    /// Every path that resolves to the supplied file `name` (for "try one of these" messages).
    public static func workingPaths(for name: String) -> [String] {
        var paths: [String] = []
        for d in 0..<VirtualDirectories.count {
            let dir = VirtualDirectories.displayPath(of: d)
            paths.append(d == 0 ? "\\" + name : dir + "\\" + name)
        }
        return paths
    }

    /// Components of a path, split on `\` or `/`; empty and `.` components are dropped.
    public static func split(_ path: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty, current != [0x2E] {
                parts.append(String(decoding: current, as: UTF8.self))
            }
            current.removeAll()
        }
        for byte in path.utf8 {
            if byte == 0x5C || byte == 0x2F { flush() } else { current.append(byte) }
        }
        flush()
        return parts
    }
}
