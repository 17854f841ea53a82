import Glibc

/// A save writes `.<store>.tmp-<pid>-<random>` beside the store and renames it over the store;
/// a bcd killed before the rename leaves that file behind (the store itself is intact). The
/// next save of the store removes those whose writer is gone (kill(pid, 0): ESRCH), never one
/// of a running process, so two bcds saving side by side do not touch each other's file.
enum StaleTemporaries {
    static func prefix(for path: String) -> String { ".\(PosixFile.fileName(of: path)).tmp-" }

    static func name(for path: String) -> String {
        "\(prefix(for: path))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes the temporaries of `path` left by processes that no longer run; returns their names.
    @discardableResult
    static func remove(for path: String) -> [String] {
        let directory = PosixFile.directory(of: path)
        let prefix = prefix(for: path)
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var removed: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix), let pid = writer(of: name, prefix: prefix), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink("\(directory)/\(name)") == 0 { removed.append(name) }
        }
        return removed
    }

    /// The pid in `<prefix><pid>-<random>`, or nil when the name is not of that form.
    static func writer(of name: String, prefix: String) -> pid_t? {
        let rest = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard rest.count == 2, UInt32(rest[1]) != nil, let pid = pid_t(rest[0]), pid > 0 else { return nil }
        return pid
    }
}
