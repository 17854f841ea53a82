import CZlib

/// IEEE CRC-32 (the one zip, gzip and the stand-in boot manager use), to compare what the
/// guest read with the host's files. Computed by zlib's crc32_z (several bytes per step): a
/// 500 MB WIM is checked in a fraction of a second even in a debug build, where a Swift
/// byte-at-a-time table loop took about 9 s of every large boot's staging.
public struct CRC32: Sendable {
    /// zlib's running value: the CRC of the bytes so far (zlib conditions it on every call).
    public private(set) var value: UInt32 = 0

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        value = UInt32(crc32_z(UInt(value), base.assumingMemoryBound(to: UInt8.self), bytes.count))
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    public static func of(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// Eight lowercase hex digits, as the stand-in prints them.
    public static func hex(_ value: UInt32) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
