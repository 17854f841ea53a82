/// Compression used by a WIM's (non-solid) resources, from the header flags.
public enum WIMCompression: Equatable, Sendable {
    case none, xpress, lzx, lzms

    public var name: String {
        switch self {
        case .none: return "none"
        case .xpress: return "XPRESS"
        case .lzx: return "LZX"
        case .lzms: return "LZMS"
        }
    }
}

/// The fixed 208-byte header at the start of every WIM.
struct WIMHeader {
    static let byteCount = 208
    static let magic: [UInt8] = [0x4D, 0x53, 0x57, 0x49, 0x4D, 0, 0, 0]  // "MSWIM\0\0\0"
    /// Version of WIMs that may contain solid resources (ESD style).
    static let solidVersion: UInt32 = 0xE00

    static let flagHasCompression: UInt32 = 0x0000_0002
    static let flagSpanned: UInt32 = 0x0000_0008
    static let flagCompressXpress: UInt32 = 0x0002_0000
    static let flagCompressLZX: UInt32 = 0x0004_0000
    static let flagCompressLZMS: UInt32 = 0x0008_0000
    static let flagCompressXpress2: UInt32 = 0x0020_0000

    var headerSize: UInt32
    var version: UInt32
    var flags: UInt32
    var chunkSize: Int
    var partNumber: UInt16
    var totalParts: UInt16
    var imageCount: Int
    var blobTable: ResourceHeader
    var xmlData: ResourceHeader
    var bootMetadata: ResourceHeader
    var bootIndex: Int
    var compression: WIMCompression

    init(_ bytes: [UInt8]) throws(WIMError) {
        guard bytes.count >= 8 else { throw .notAWIM }
        for i in 0..<8 where bytes[i] != Self.magic[i] { throw .notAWIM }
        guard bytes.count >= Self.byteCount,
              let headerSize = bytes.le32(at: 8), let version = bytes.le32(at: 12),
              let flags = bytes.le32(at: 16), let chunkSize = bytes.le32(at: 20),
              let partNumber = bytes.le16(at: 40), let totalParts = bytes.le16(at: 42),
              let imageCount = bytes.le32(at: 44),
              let blobTable = ResourceHeader(bytes, at: 48),      // offset table
              let xmlData = ResourceHeader(bytes, at: 72),
              let bootMetadata = ResourceHeader(bytes, at: 96),
              let bootIndex = bytes.le32(at: 120)
        else { throw .truncated(.header) }
        guard headerSize >= UInt32(Self.byteCount) else { throw .corrupt(.header) }
        self.headerSize = headerSize
        self.version = version
        self.flags = flags
        self.partNumber = partNumber
        self.totalParts = totalParts
        self.imageCount = Int(imageCount)
        self.blobTable = blobTable
        self.xmlData = xmlData
        self.bootMetadata = bootMetadata
        self.bootIndex = Int(bootIndex)

        if flags & Self.flagHasCompression == 0 {
            compression = .none
        } else if flags & Self.flagCompressLZX != 0 {
            compression = .lzx
        } else if flags & Self.flagCompressXpress != 0 {
            compression = .xpress
        } else if flags & Self.flagCompressLZMS != 0 {
            compression = .lzms
        } else {
            throw .unsupported(.unknownCompression)
        }
        // Old WIMs leave the chunk size 0, meaning the original fixed 32 KiB.
        let size = chunkSize == 0 ? 32768 : Int(chunkSize)
        self.chunkSize = size
        if compression != .none {
            guard size & (size - 1) == 0 else { throw .unsupported(.chunkSize) }
            switch compression {
            case .xpress: guard size >= 1 << 12 && size <= 1 << 16 else { throw .unsupported(.chunkSize) }
            case .lzx: guard size >= 1 << 15 && size <= 1 << 21 else { throw .unsupported(.chunkSize) }
            case .lzms: guard size >= 1 << 15 && size <= 1 << 30 else { throw .unsupported(.chunkSize) }
            case .none: break
            }
        }
    }

    var isSpanned: Bool { flags & Self.flagSpanned != 0 || totalParts > 1 }
}
