/// The fixed sectors of the virtual disk: MBR, FAT32 boot sector (BPB) and FSInfo.
enum FatBootRegion {
    /// MBR with one partition of type 0x0C (FAT32, LBA) covering the file system.
    static func masterBootRecord(_ g: FatGeometry, diskSignature: UInt32) -> [UInt8] {
        var s = [UInt8](repeating: 0, count: 512)
        s.putLE(diskSignature, at: 440)
        let entry = 446
        s[entry] = 0x80                                     // active
        putCHS(&s, at: entry + 1, lba: FatGeometry.partitionStart)
        s[entry + 4] = 0x0C                                 // FAT32 with LBA addressing
        putCHS(&s, at: entry + 5, lba: g.totalSectors - 1)
        s.putLE(UInt32(FatGeometry.partitionStart), at: entry + 8)
        s.putLE(UInt32(truncatingIfNeeded: g.partitionSectors), at: entry + 12)
        s[510] = 0x55; s[511] = 0xAA
        return s
    }

    /// CHS for a 255-head, 63-sector geometry; beyond cylinder 1023 the conventional maximum.
    static func putCHS(_ s: inout [UInt8], at offset: Int, lba: UInt64) {
        var cylinder = lba / (255 * 63)
        var head = (lba / 63) % 255
        var sector = lba % 63 + 1
        if cylinder > 1023 { cylinder = 1023; head = 254; sector = 63 }
        s[offset] = UInt8(head)
        s[offset + 1] = UInt8(sector) | UInt8((cylinder >> 2) & 0xC0)
        s[offset + 2] = UInt8(cylinder & 0xFF)
    }

    /// FAT32 boot sector; the BIOS parameter block offsets are those of the FAT specification.
    static func bootSector(_ g: FatGeometry, volumeID: UInt32) -> [UInt8] {
        var s = [UInt8](repeating: 0, count: 512)
        s[0] = 0xEB; s[1] = 0x58; s[2] = 0x90                // jump over the BPB to +0x5A
        s.replaceSubrange(3..<11, with: Array("BCDVDISK".utf8))
        s.putLE(UInt16(FatGeometry.bytesPerSector), at: 11)
        s[13] = UInt8(g.sectorsPerCluster)
        s.putLE(UInt16(FatGeometry.reservedSectors), at: 14)
        s[16] = UInt8(FatGeometry.fatCount)
        // +17 root entries, +19 16-bit total sectors, +22 16-bit FAT size: all 0 on FAT32.
        s[21] = 0xF8                                        // media: fixed disk
        s.putLE(UInt16(63), at: 24)                         // sectors per track
        s.putLE(UInt16(255), at: 26)                        // heads
        s.putLE(UInt32(FatGeometry.partitionStart), at: 28) // hidden sectors before the partition
        s.putLE(UInt32(truncatingIfNeeded: g.partitionSectors), at: 32)
        s.putLE(g.fatSectors, at: 36)
        // +40 flags 0: the FATs are mirrored; +42 version 0.0
        s.putLE(FatGeometry.rootCluster, at: 44)
        s.putLE(UInt16(FatGeometry.fsInfoSector), at: 48)
        s.putLE(UInt16(FatGeometry.backupBootSector), at: 50)
        s[64] = 0x80                                        // BIOS drive number
        s[66] = 0x29                                        // extended boot signature: next 3 fields valid
        s.putLE(volumeID, at: 67)
        s.replaceSubrange(71..<82, with: Array("NO NAME    ".utf8))
        s.replaceSubrange(82..<90, with: Array("FAT32   ".utf8))
        // Not bootable by BIOS: the code at +0x5A just halts.
        s[0x5A] = 0xF4; s[0x5B] = 0xEB; s[0x5C] = 0xFD
        s[510] = 0x55; s[511] = 0xAA
        return s
    }

    /// FSInfo: signatures at +0, +484 and +508; free cluster count +488; next free hint +492.
    static func fsInfo(_ g: FatGeometry) -> [UInt8] {
        var s = [UInt8](repeating: 0, count: 512)
        s.putLE(UInt32(0x4161_5252), at: 0)
        s.putLE(UInt32(0x6141_7272), at: 484)
        s.putLE(g.freeClusters, at: 488)
        // The first cluster after the last one in use; unknown (all ones) when that is past the
        // end, even if alignment gaps below it are free.
        let nextFree: UInt32 = g.clusterCount > g.usedClusters ? 2 + g.usedClusters : 0xFFFF_FFFF
        s.putLE(nextFree, at: 492)
        s.putLE(UInt32(0xAA55_0000), at: 508)
        return s
    }
}
