/// One member of a newc cpio archive. The data is not copied: `dataOffset` and `size` locate it
/// in the archive's ByteSource.
public struct CpioEntry {
    public let name: String
    public let mode: UInt32
    public let size: UInt64
    /// Offset of the member's data in the archive.
    public let dataOffset: UInt64
    /// Offset of the member's header in the archive.
    public let headerOffset: UInt64

    /// File type bits of `mode` (S_IFMT).
    public var isDirectory: Bool { mode & 0o170000 == 0o040000 }
    public var isRegularFile: Bool { mode & 0o170000 == 0o100000 }
    public var isSymbolicLink: Bool { mode & 0o170000 == 0o120000 }
}

/// Why a cpio archive could not be read; each case carries the offset of the bad header.
public enum CpioError: Error {
    /// The header does not start with "070701" (newc) or "070702" (newc with checksums).
    case badMagic(offset: UInt64)
    /// A header field is not 8 hexadecimal digits.
    case badField(offset: UInt64, field: String)
    /// The header, name or data runs past the end of the archive.
    case truncated(offset: UInt64)
    /// The name is empty or not terminated by NUL where namesize says.
    case badName(offset: UInt64)

    public var message: String {
        switch self {
        case .badMagic(let o): return "no newc cpio header (070701) at offset \(o)"
        case .badField(let o, let f): return "cpio header at offset \(o): field \(f) is not 8 hexadecimal digits"
        case .truncated(let o): return "cpio archive is truncated: the member at offset \(o) runs past the end of the data"
        case .badName(let o): return "cpio header at offset \(o): the name is empty or not NUL-terminated"
        }
    }
}

extension CpioError: Equatable {
    /// Equal when they say the same thing (compared as bytes: no Unicode tables needed).
    public static func == (a: CpioError, b: CpioError) -> Bool { sameBytes(a.message, b.message) }
}
