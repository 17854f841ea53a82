/// A read-only registry hive (regf) over bytes in memory. Base block: "regf" at 0x00, the root
/// key's cell offset at 0x24; hive bins start at 0x1000 and cell offsets count from there.
/// Every read is bounds-checked: a damaged hive gives a RegistryError, never a trap.
public struct RegistryHive {
    public let bytes: [UInt8]
    let rootCell: UInt32

    /// File offset of the first hive bin; cell offsets are relative to it.
    static let binsStart = 0x1000

    public init(bytes: [UInt8]) throws(RegistryError) {
        guard bytes.count >= RegistryHive.binsStart, bytes[0] == 0x72, bytes[1] == 0x65, bytes[2] == 0x67,
              bytes[3] == 0x66, let root = bytes.le32(at: 0x24) else { throw .notAHive }
        self.bytes = bytes
        rootCell = root
    }

    /// File range of the data of the allocated cell at `cell`: after its int32 size field
    /// (negative = allocated, magnitude = cell size including the field).
    func cellData(_ cell: UInt32) throws(RegistryError) -> Range<Int> {
        let start = RegistryHive.binsStart + Int(cell)
        guard let raw = bytes.le32(at: start) else { throw .cellOutOfRange(offset: start) }
        let size = -Int(Int32(bitPattern: raw))
        guard size >= 8, size <= bytes.count - start else { throw .badCell(offset: start) }
        return start + 4..<start + size
    }

    /// The data of the cell at `cell`, which must start with the two-letter `signature`.
    func record(_ cell: UInt32, _ signature: StaticString) throws(RegistryError) -> Range<Int> {
        let data = try cellData(cell)
        guard hasSignature(data, signature) else { throw .badRecord(offset: data.lowerBound - 4, expected: signature.description) }
        return data
    }

    /// Whether cell data `data` starts with the two ASCII letters of `signature`.
    func hasSignature(_ data: Range<Int>, _ signature: StaticString) -> Bool {
        // A literal's two bytes, read in place (this runs for every cell visited).
        guard signature.utf8CodeUnitCount == 2, data.count >= 2 else { return false }
        let letters = signature.utf8Start
        return bytes[data.lowerBound] == letters[0] && bytes[data.lowerBound + 1] == letters[1]
    }

    /// The little-endian u16/u32 at `field` inside cell data `data`, or nil past its end.
    func u16(_ data: Range<Int>, _ field: Int) -> UInt16? {
        field + 2 <= data.count ? bytes.le16(at: data.lowerBound + field) : nil
    }

    func u32(_ data: Range<Int>, _ field: Int) -> UInt32? {
        field + 4 <= data.count ? bytes.le32(at: data.lowerBound + field) : nil
    }
}
