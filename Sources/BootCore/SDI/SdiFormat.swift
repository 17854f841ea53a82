/// Layout of a System Deployment Image (boot.sdi), as publicly described for Windows XP
/// Embedded and still used by WinPE: all numbers are 64-bit little-endian.
///
///   0x000  "$SDI0001"            0x070  PageAlignment (blob alignment, in 4 KiB pages)
///   0x008  MDB type (0/1 RAM/2 ROM)   0x1F8  Checksum: makes the byte sum of 0x000-0x1FF 0
///   0x010  BootCodeOffset        0x400  table of contents: 64-byte records up to 0x1000
///   0x018  BootCodeSize
///
/// A TOC record: type (8 ASCII bytes, NUL-padded) +0, attributes +8, offset +0x10, size +0x18,
/// base address +0x20 (for PART: the partition type, 7 = NTFS).
public enum SdiFormat {
    public static let signature: [UInt8] = Array("$SDI0001".utf8)
    public static let pageSize: UInt64 = 4096
    /// The header page: header sector, a reserved sector, then the table of contents.
    public static let headerPageSize: UInt64 = 4096
    public static let headerSectorSize = 512
    public static let mdbTypeOffset = 0x08
    public static let bootCodeOffsetOffset = 0x10
    public static let bootCodeSizeOffset = 0x18
    public static let pageAlignmentOffset = 0x70
    public static let checksumOffset = 0x1F8
    public static let tocOffset = 0x400
    public static let tocRecordSize = 64
    public static let tocRecordCount = (Int(headerPageSize) - tocOffset) / tocRecordSize
    public static let knownBlobTypes = ["BOOT", "LOAD", "PART", "DISK", "WIM"]
    /// MBR partition type of NTFS, stored in a PART record's base address field.
    public static let ntfsPartitionType: UInt64 = 7

    /// The value for +0x1F8 that makes the 8-bit sum of the 512-byte header zero.
    public static func checksum(ofHeader header: [UInt8]) -> UInt8 {
        var sum: UInt8 = 0
        for i in 0..<headerSectorSize where i != checksumOffset { sum &+= header[i] }
        return 0 &- sum
    }
}

/// One record of the SDI table of contents.
public struct SdiBlob {
    /// The type, e.g. "PART"; empty for a record without a type.
    public let type: String
    public let attributes: UInt64
    public let offset: UInt64
    public let size: UInt64
    public let baseAddress: UInt64
    /// Position in the table of contents (0-based).
    public let record: Int
}
