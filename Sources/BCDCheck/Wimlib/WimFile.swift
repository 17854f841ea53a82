import CWimlib

/// A WIM opened read-only through wimlib: the archive's facts and its images' directory trees.
/// A thin typed layer: no wimlib type leaves this file. Path lookups are case-insensitive,
/// as Windows' are; either separator works.
public final class WimFile {
    public enum Compression: Equatable, Sendable {
        case none, xpress, lzx, lzms, other(Int32)

        public var name: String {
            switch self {
            case .none: return "none"
            case .xpress: return "XPRESS"
            case .lzx: return "LZX"
            case .lzms: return "LZMS"
            case .other(let code): return "type \(code)"
            }
        }
    }

    /// Processor architecture recorded in an image's XML (Windows' PROCESSOR_ARCHITECTURE codes).
    public enum Architecture: Equatable, Sendable, CustomStringConvertible {
        case x86, arm, ia64, x64, arm64, other(Int)

        init(code: Int) {
            switch code {
            case 0: self = .x86
            case 5: self = .arm
            case 6: self = .ia64
            case 9: self = .x64
            case 12: self = .arm64
            default: self = .other(code)
            }
        }

        public var description: String {
            switch self {
            case .x86: return "x86"
            case .arm: return "ARM"
            case .ia64: return "IA-64"
            case .x64: return "x64"
            case .arm64: return "ARM64"
            case .other(let code): return "architecture \(code)"
            }
        }
    }

    /// One file or directory of an image.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var isDirectory: Bool

        public init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    /// A wimlib failure: its error code and wimlib's own one-line description.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let code: Int32
        public let message: String
        public var description: String { message }
        public var isPathMissing: Bool { code == Int32(WIMLIB_ERR_PATH_DOES_NOT_EXIST.rawValue) }

        init(code: Int32) {
            self.code = code
            if let text = wimlib_get_error_string(wimlib_error_code(rawValue: UInt32(bitPattern: code))) {
                message = String(cString: text)
            } else {
                message = "wimlib error \(code)"
            }
        }
    }

    private let handle: OpaquePointer
    public let imageCount: Int
    /// 1-based boot index; 0 when none is marked.
    public let bootIndex: Int
    public let compression: Compression
    public let chunkSize: Int
    public let version: UInt32
    public let partCount: Int
    /// True when some resource is solid (several blobs compressed together, as in .esd).
    public let hasSolidResources: Bool

    /// wimlib's process-wide set-up, done once: case-insensitive path lookups by default.
    private static let initialized: Int32 = wimlib_global_init(Int32(WIMLIB_INIT_FLAG_DEFAULT_CASE_INSENSITIVE))

    public init(path: String) throws(Failure) {
        _ = Self.initialized
        var wim: OpaquePointer?
        let status = wimlib_open_wim(path, 0, &wim)
        guard status == 0, let wim else { throw Failure(code: status == 0 ? -1 : status) }
        handle = wim
        var info = wimlib_wim_info()
        let infoStatus = wimlib_get_wim_info(wim, &info)
        guard infoStatus == 0 else {
            wimlib_free(wim)
            throw Failure(code: infoStatus)
        }
        imageCount = Int(info.image_count)
        bootIndex = Int(info.boot_index)
        chunkSize = Int(info.chunk_size)
        version = info.wim_version
        partCount = Int(info.total_parts)
        switch info.compression_type {
        case Int32(WIMLIB_COMPRESSION_TYPE_NONE.rawValue): compression = .none
        case Int32(WIMLIB_COMPRESSION_TYPE_XPRESS.rawValue): compression = .xpress
        case Int32(WIMLIB_COMPRESSION_TYPE_LZX.rawValue): compression = .lzx
        case Int32(WIMLIB_COMPRESSION_TYPE_LZMS.rawValue): compression = .lzms
        default: compression = .other(info.compression_type)
        }
        var solid = false
        withUnsafeMutablePointer(to: &solid) { flag in
            _ = wimlib_iterate_lookup_table(wim, 0, { resource, context in
                guard let resource, let context else { return 0 }
                if resource.pointee.packed != 0 {
                    context.assumingMemoryBound(to: Bool.self).pointee = true
                    return 1  // stop: one is enough
                }
                return 0
            }, flag)
        }
        hasSolidResources = solid
    }

    deinit { wimlib_free(handle) }

    /// The file or directory at `path` in image `image` (1-based); nil when there is none.
    public func entry(image: Int, path: String) throws(Failure) -> Entry? {
        var found: [Entry] = []
        let status = iterate(image: image, path: path, flags: 0) { found.append($0) }
        if status != 0 {
            let failure = Failure(code: status)
            if failure.isPathMissing { return nil }
            throw failure
        }
        return found.first
    }

    /// The entries directly inside the directory `path` of image `image`.
    public func children(image: Int, path: String) throws(Failure) -> [Entry] {
        var found: [Entry] = []
        let status = iterate(image: image, path: path, flags: Int32(WIMLIB_ITERATE_DIR_TREE_FLAG_CHILDREN)) { found.append($0) }
        guard status == 0 else { throw Failure(code: status) }
        return found
    }

    /// The architecture recorded for image `image`, when its XML names one.
    public func architecture(image: Int) -> Architecture? {
        guard let text = wimlib_get_image_property(handle, Int32(image), "WINDOWS/ARCH"),
              let code = Int(String(cString: text)) else { return nil }
        return Architecture(code: code)
    }

    /// The image's name from its XML, when it has one.
    public func name(image: Int) -> String? {
        guard let text = wimlib_get_image_name(handle, Int32(image)) else { return nil }
        let name = String(cString: text)
        return name.isEmpty ? nil : name
    }

    private final class Collector {
        let body: (Entry) -> Void
        init(_ body: @escaping (Entry) -> Void) { self.body = body }
    }

    private func iterate(image: Int, path: String, flags: Int32, _ body: @escaping (Entry) -> Void) -> Int32 {
        let windowsPath = path.replacingSlashes()
        let collector = Collector(body)
        let context = Unmanaged.passRetained(collector).toOpaque()
        defer { Unmanaged<Collector>.fromOpaque(context).release() }
        return wimlib_iterate_dir_tree(handle, Int32(image), windowsPath, flags, { dentry, context in
            guard let dentry, let context else { return 0 }
            let name = dentry.pointee.filename.map { String(cString: $0) } ?? ""
            let directory = dentry.pointee.attributes & UInt32(WIMLIB_FILE_ATTRIBUTE_DIRECTORY) != 0
            Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().body(Entry(name: name, isDirectory: directory))
            return 0
        }, context)
    }
}

extension String {
    /// wimlib's path separator on Linux is `/`; BCD paths use `\`.
    func replacingSlashes() -> String {
        String(map { $0 == "\\" ? "/" : $0 })
    }
}
