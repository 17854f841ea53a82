/// One section table entry (40 bytes, after the optional header): where the section's bytes are
/// in the file and where they go in the image.
public struct PESection: Equatable, Sendable {
    /// Name bytes up to the first NUL (at most 8).
    public let name: [UInt8]
    public let virtualSize: UInt32
    public let virtualAddress: UInt32
    public let rawSize: UInt32
    public let rawOffset: UInt32
    public let characteristics: UInt32

    /// Bytes copied from the file: raw data beyond VirtualSize is file alignment padding; a
    /// VirtualSize of 0 (some linkers) means "as large as the raw data".
    public var copiedSize: UInt32 { virtualSize == 0 ? rawSize : min(rawSize, virtualSize) }
    /// Bytes the section occupies in the image (the rest past `copiedSize` is zero).
    public var memorySize: UInt32 { max(virtualSize, copiedSize) }

    /// The name as text (ASCII; other bytes shown as '?').
    public var nameText: String { String(decoding: name.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self) }

    static let entrySize = 40

    /// Parses entry bytes (exactly 40, checked by the caller).
    init(_ e: [UInt8]) {
        var n: [UInt8] = []
        for b in e[0..<8] { if b == 0 { break }; n.append(b) }
        name = n
        virtualSize = e.le32(at: 8) ?? 0
        virtualAddress = e.le32(at: 12) ?? 0
        rawSize = e.le32(at: 16) ?? 0
        rawOffset = e.le32(at: 20) ?? 0
        characteristics = e.le32(at: 36) ?? 0
    }
}

/// A data directory entry of the optional header: an RVA and a size (0/0 = absent).
public struct PEDataDirectory: Equatable, Sendable {
    public let rva: UInt32
    public let size: UInt32
}
