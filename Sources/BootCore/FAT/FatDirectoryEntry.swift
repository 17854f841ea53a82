/// 32-byte FAT directory entries: the 8.3 entry and the long-name (LFN) entries before it.
enum FatDirectoryEntry {
    static let size = 32
    static let attributeDirectory: UInt8 = 0x10
    static let attributeArchive: UInt8 = 0x20
    static let attributeLongName: UInt8 = 0x0F

    /// A fixed timestamp (2024-01-01 00:00:00) so the same files always give the same disk.
    /// FAT date: bits 15-9 year since 1980, 8-5 month, 4-0 day.
    static let fixedDate: UInt16 = (2024 - 1980) << 9 | 1 << 5 | 1

    /// The 8.3 entry: name +0 (11), attributes +11, cluster high +20, dates, cluster low +26, size +28.
    static func shortEntry(name: [UInt8], attributes: UInt8, firstCluster: UInt32, fileSize: UInt32) -> [UInt8] {
        var e = [UInt8](repeating: 0, count: size)
        for i in 0..<11 { e[i] = name[i] }
        e[11] = attributes
        e.putLE(fixedDate, at: 16)          // creation date
        e.putLE(fixedDate, at: 18)          // last access date
        e.putLE(UInt16(truncatingIfNeeded: firstCluster >> 16), at: 20)
        e.putLE(fixedDate, at: 24)          // last write date
        e.putLE(UInt16(truncatingIfNeeded: firstCluster), at: 26)
        e.putLE(fileSize, at: 28)
        return e
    }

    /// Checksum of an 11-byte short name, stored in each of its LFN entries (+13):
    /// rotate the running sum right by one bit, then add the next byte.
    static func shortNameChecksum(_ name: [UInt8]) -> UInt8 {
        var sum: UInt8 = 0
        for i in 0..<11 { sum = (sum >> 1 | sum << 7) &+ name[i] }
        return sum
    }

    /// LFN entries for `longName` (ASCII, so one UTF-16 unit per byte), in on-disk order:
    /// the last piece first with 0x40 in its ordinal. Each entry holds 13 characters at
    /// +1 (5), +14 (6) and +28 (2); after the name comes one NUL, then 0xFFFF padding.
    static func longNameEntries(_ longName: [UInt8], checksum: UInt8) -> [UInt8] {
        let pieces = (longName.count + 12) / 13
        var out: [UInt8] = []
        out.reserveCapacity(pieces * size)
        let charOffsets = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30]
        for piece in stride(from: pieces, through: 1, by: -1) {
            var e = [UInt8](repeating: 0, count: size)
            e[0] = UInt8(piece) | (piece == pieces ? 0x40 : 0)
            e[11] = attributeLongName
            e[13] = checksum
            for k in 0..<13 {
                let index = (piece - 1) * 13 + k
                let unit: UInt16 = index < longName.count ? UInt16(longName[index]) : (index == longName.count ? 0 : 0xFFFF)
                e.putLE(unit, at: charOffsets[k])
            }
            out += e
        }
        return out
    }
}
