/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of VHDX headers and
/// region tables (VHDX spec 2.2.2 and 2.2.3: computed with the checksum field zeroed).
enum CRC32C {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0x82F6_3B78 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<Bytes: Collection>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    /// Whether `block` carries its own CRC-32C at bytes 4..<8 (little-endian).
    static func verifiesItself(_ block: [UInt8]) -> Bool {
        guard block.count >= 8 else { return false }
        var zeroed = block
        zeroed.replaceSubrange(4..<8, with: [0, 0, 0, 0])
        let stored = UInt32(block[4]) | UInt32(block[5]) << 8 | UInt32(block[6]) << 16 | UInt32(block[7]) << 24
        return checksum(zeroed) == stored
    }
}
