#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BootCore

/// A read-only memory-mapped file as a BootCore ByteSource (host side only).
final class MappedFile: ByteSource {
    let path: String
    private let base: UnsafeRawPointer?
    let count: UInt64

    init(path: String) throws(PayloadCommandError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw PayloadCommandError(path + ": " + String(cString: strerror(errno))) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw PayloadCommandError(path + ": " + String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw PayloadCommandError(path + ": not a regular file") }
        count = UInt64(status.st_size)
        if count == 0 {
            base = nil
            return
        }
        let mapped = mmap(nil, Int(count), PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw PayloadCommandError(path + ": cannot map: " + String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(mapped)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), Int(count)) }
    }

    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
        guard let base, let destination = buffer.baseAddress else { return true }
        destination.copyMemory(from: base + Int(offset), byteCount: buffer.count)
        return true
    }
}

/// An error a payload command reports as one line on stderr (non-zero exit).
struct PayloadCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
