/// Why a registry hive, or a key or value inside it, could not be read. Offsets are file
/// offsets (cell offset + 0x1000), so a damaged hive can be looked at in a hex viewer.
public enum RegistryError: Error, Equatable {
    /// No "regf" signature at 0x00, or the file ends before the first hive bin (0x1000).
    case notAHive
    /// A cell offset that points outside the file.
    case cellOutOfRange(offset: Int)
    /// A cell whose size field says free (>= 0), too small, or running past the file's end.
    case badCell(offset: Int)
    /// A cell without the record signature expected there ("nk", "vk", "lf", ...).
    case badRecord(offset: Int, expected: String)
    /// A subkey index ("ri") nested too deep or with too many lists (a loop, or garbage).
    case indexTooDeep(offset: Int)
    case keyNotFound(path: String)
    case valueNotFound(name: String)

    public var message: String {
        switch self {
        case .notAHive: return "not a registry hive (no \"regf\" base block of 4096 bytes)"
        case .cellOutOfRange(let offset): return "cell offset \(hexText(offset)) is outside the hive"
        case .badCell(let offset): return "cell at \(hexText(offset)) is free, too small or runs past the end"
        case .badRecord(let offset, let expected): return "cell at \(hexText(offset)) is not a \"\(expected)\" record"
        case .indexTooDeep(let offset): return "subkey index at \(hexText(offset)) is nested too deep or too long"
        case .keyNotFound(let path): return "no key \(path)"
        case .valueNotFound(let name): return "no value \(name)"
        }
    }
}
