import BootCore

/// The 4 KiB base block at the start of every registry hive file ("regf").
/// Offsets: 0x00 signature, 0x04/0x08 primary/secondary sequence numbers, 0x0C timestamp,
/// 0x14/0x18 major/minor version, 0x1C file type (0 = primary hive; 1, 2, 6 = logs),
/// 0x20 format, 0x24 root cell offset, 0x28 size of hive bins data, 0x2C clustering,
/// 0x30 file name (64 bytes UTF-16), 0x1FC checksum = XOR of the 127 dwords before it.
public struct BaseBlock: Sendable {
    public static let size = 4096

    public let primarySequence: UInt32
    public let secondarySequence: UInt32
    public let fileType: UInt32
    public let hiveBinsSize: UInt32
    public let storedChecksum: UInt32
    public let computedChecksum: UInt32

    /// Reads and checks the base block of a file's bytes. Throws for anything that is not a
    /// complete primary hive: too short, wrong signature, a log file, a bad checksum, truncation.
    public init(fileBytes bytes: [UInt8], path: String) throws(StoreError) {
        guard bytes.count >= BaseBlock.size, Array(bytes[0..<4]) == Array("regf".utf8) else {
            throw .notAHive(path: path)
        }
        func dword(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        primarySequence = dword(0x04)
        secondarySequence = dword(0x08)
        fileType = dword(0x1C)
        hiveBinsSize = dword(0x28)
        storedChecksum = dword(0x1FC)
        computedChecksum = BaseBlock.checksum(of: bytes)

        guard fileType == 0 else { throw .transactionLog(path: path, fileType: fileType) }
        guard storedChecksum == computedChecksum else {
            throw .damaged(path: path, reason: "base block checksum is wrong (stored 0x\(hex(storedChecksum)), computed 0x\(hex(computedChecksum)))")
        }
        let expected = UInt64(BaseBlock.size) + UInt64(hiveBinsSize)
        guard UInt64(bytes.count) >= expected else {
            throw .truncated(path: path, expected: expected, actual: UInt64(bytes.count))
        }
    }

    /// True when the two sequence numbers differ: the last write did not finish cleanly.
    public var isDirty: Bool { primarySequence != secondarySequence }

    /// XOR of the first 127 dwords; 0 becomes 1 and 0xFFFFFFFF becomes 0xFFFFFFFE.
    public static func checksum(of bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        for i in stride(from: 0, to: 0x1FC, by: 4) {
            sum ^= UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
        if sum == 0 { return 1 }
        if sum == 0xFFFF_FFFF { return 0xFFFF_FFFE }
        return sum
    }
}

/// 8 lower-case hex digits, as element ids are written.
func hex(_ value: UInt32) -> String { String(decoding: hexBytes(value, digits: 8), as: UTF8.self) }
