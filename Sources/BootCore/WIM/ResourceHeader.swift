/// A WIM resource header ("reshdr", 24 bytes): where a resource lies in the file.
/// Bytes 0-6: size in the WIM (56-bit LE), byte 7: flags, 8-15: offset, 16-23: uncompressed size.
public struct ResourceHeader: Equatable, Sendable {
    public static let byteCount = 24

    public var sizeInWIM: UInt64
    public var flags: UInt8
    public var offset: UInt64
    public var uncompressedSize: UInt64

    static let flagFree: UInt8 = 0x01
    static let flagMetadata: UInt8 = 0x02
    static let flagCompressed: UInt8 = 0x04
    static let flagSpanned: UInt8 = 0x08
    static let flagSolid: UInt8 = 0x10

    public var isMetadata: Bool { flags & Self.flagMetadata != 0 }
    public var isCompressed: Bool { flags & Self.flagCompressed != 0 }
    public var isSolid: Bool { flags & Self.flagSolid != 0 }
    public var isSpanned: Bool { flags & Self.flagSpanned != 0 }

    public init(sizeInWIM: UInt64, flags: UInt8, offset: UInt64, uncompressedSize: UInt64) {
        self.sizeInWIM = sizeInWIM
        self.flags = flags
        self.offset = offset
        self.uncompressedSize = uncompressedSize
    }

    /// Parses the 24 bytes at `at`; nil when they do not fit in `bytes`.
    init?(_ bytes: [UInt8], at start: Int) {
        guard let sizeAndFlags = bytes.le64(at: start),
              let offset = bytes.le64(at: start + 8),
              let uncompressed = bytes.le64(at: start + 16)
        else { return nil }
        sizeInWIM = sizeAndFlags & 0x00FF_FFFF_FFFF_FFFF
        flags = UInt8(truncatingIfNeeded: sizeAndFlags >> 56)
        self.offset = offset
        uncompressedSize = uncompressed
    }

    /// True when the stored bytes lie inside a file of `fileSize` bytes.
    func fits(in fileSize: UInt64) -> Bool {
        offset <= fileSize && sizeInWIM <= fileSize - offset
    }
}
