/// Why a virtual FAT disk cannot be built from the supplied files.
public enum VirtualDiskError: Error {
    /// The name is empty, too long, not printable ASCII, or uses a character FAT forbids.
    case invalidName(String)
    /// Two supplied files have the same name (FAT names are case-insensitive).
    case duplicateName(String)
    /// The name is taken by one of the nine virtual directories (Boot, EFI, Sources...).
    case reservedName(String)
    /// FAT32 stores sizes in 32 bits: a file may hold at most 4 GiB - 1 bytes.
    case fileTooLarge(name: String, size: UInt64)
    /// The whole disk would exceed what a 32-bit sector count can address (2 TiB).
    case diskTooLarge
    /// A directory would need more than 65536 entries (FAT's limit; long names take several).
    case tooManyFiles(Int)
    /// No unique 8.3 short name could be made for this name.
    case noShortName(String)

    /// A name's bytes as the text the cases carry (names are ASCII when valid; others are
    /// repaired, never trapped on).
    static func text(_ name: [UInt8]) -> String { String(decoding: name, as: UTF8.self) }

    /// One line for a person.
    public var message: String {
        switch self {
        case .invalidName(let n): return "invalid file name '\(n)': use 1-255 printable ASCII characters, none of \\ / : * ? \" < > |, not ending in '.' or ' '"
        case .duplicateName(let n): return "file name '\(n)' is given twice (FAT names are case-insensitive)"
        case .reservedName(let n): return "file name '\(n)' clashes with a directory of the virtual disk"
        case .fileTooLarge(let n, let size): return "file '\(n)' is \(size) bytes; FAT32 files are limited to 4294967295 bytes (4 GiB - 1)"
        case .diskTooLarge: return "the files do not fit in a FAT32 disk of at most 2^32 sectors"
        case .tooManyFiles(let n): return "\(n) files do not fit in one FAT directory (at most 65536 entries, long names take several)"
        case .noShortName(let n): return "no unique 8.3 short name could be made for '\(n)'"
        }
    }
}

extension VirtualDiskError: Equatable {
    /// Equal when they say the same thing (compared as bytes: no Unicode tables needed).
    public static func == (a: VirtualDiskError, b: VirtualDiskError) -> Bool { sameBytes(a.message, b.message) }
}
