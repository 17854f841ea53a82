import Glibc

/// The few POSIX file operations a safe save needs, with errors as messages.
enum PosixFile {
    static func readAll(_ path: String) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        // One read into one allocation of the file's size (a 1.6 MB store grew by copies in
        // 64 KiB steps), its pages populated by one madvise: page by page, the faults were a
        // tenth of `bcd enum all`'s time on a 1,000-object store. A file that grows meanwhile
        // is read to its end after the first read.
        let size = Int(st.st_size)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress, size > 0 else { return }
            populate(UnsafeMutableRawPointer(base), size)
            while count < size {
                let n = read(fd, base + count, size - count)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        var chunk = [UInt8](repeating: 0, count: 1 << 12)
        while bytes.count == size {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// Asks the kernel to map the whole pages of a fresh buffer in one call (MADV_POPULATE_WRITE,
    /// Linux 5.14); on an older kernel the call fails and the pages fault in one by one as before.
    private static func populate(_ start: UnsafeMutableRawPointer, _ length: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + length) / page * page
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, end - first, 23 /* MADV_POPULATE_WRITE */)
    }

    /// Writes `bytes` to a new file (fails if it exists), flushed to disk.
    static func writeNew(_ path: String, _ bytes: [UInt8], mode: mode_t) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw .alreadyExists(path: path) }
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw .writeFailed(path: path, reason: reason)
            }
            offset += n
        }
        try flush(fd: fd, path: path)
    }

    static func flush(path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try flush(fd: fd, path: path)
    }

    private static func flush(fd: Int32, path: String) throws(StoreError) {
        guard fsync(fd) == 0 else { throw .writeFailed(path: path, reason: "fsync: \(String(cString: strerror(errno)))") }
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode : nil
    }

    /// True when no write permission bit is set (checked on the bits, not access(2): root may
    /// write anything, but a file marked read-only must not be silently replaced).
    static func isReadOnly(_ path: String) -> Bool {
        guard let mode = mode(path) else { return false }
        return mode & (S_IWUSR | S_IWGRP | S_IWOTH) == 0 || access(path, W_OK) != 0
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
