#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BootCore

/// What `stat` says about a host path, as far as the checks care.
enum HostFileStatus: Equatable {
    case regular(size: UInt64)
    case directory
    case other
    case missing(String)

    static func of(_ path: String) -> HostFileStatus {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing(String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: UInt64(status.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}

/// A host file read with pread, as a BootCore ByteSource (no mapping: a check reads a few KiB;
/// bcd boot reads the WIM it expects the loader to serve, injected files included).
public final class HostFile: ByteSource {
    let descriptor: Int32
    public let count: UInt64

    public init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        descriptor = fd
        count = UInt64(status.st_size)
    }

    deinit { close(descriptor) }

    public func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}

/// Host path helpers.
enum HostPath {
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Names in a directory (no `.`/`..`), or [] when it cannot be read.
    static func list(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Follows Windows path components (any case) from `root`; the host path, or nil.
    static func findCaseInsensitive(_ components: [String], under root: String) -> String? {
        var current = root
        for component in components {
            if case .missing = HostFileStatus.of(join(current, component)) {
                guard let match = list(current).first(where: { $0.lowercased() == component.lowercased() }) else { return nil }
                current = join(current, match)
            } else {
                current = join(current, component)
            }
        }
        return current
    }
}

/// A ByteSource that only has a size: enough to lay out the loader's virtual disk.
struct SizeOnlySource: ByteSource {
    let count: UInt64
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool { false }
}
