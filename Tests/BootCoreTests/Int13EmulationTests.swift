import Testing
@testable import BootCore

/// INT 13h served from a VirtualFatDisk: every read must give the disk's own sectors.
@Suite("INT 13h emulation")
struct Int13EmulationTests {
    static func makeDisk() throws -> VirtualFatDisk<MemorySource> {
        try VirtualFatDisk(files: [
            VirtualFatFile(name: "bootmgr.exe", source: MemorySource(PayloadTool.bytes(70_000, seed: 11))),
            VirtualFatFile(name: "BCD", source: MemorySource(PayloadTool.bytes(8192, seed: 12))),
            VirtualFatFile(name: "boot.sdi", source: MemorySource(PayloadTool.bytes(3_000, seed: 13))),
        ])
    }

    static func call(_ ah: UInt8, drive: UInt8 = 0x81) -> BiosCallRegisters {
        var r = BiosCallRegisters()
        r.vector = 0x13; r.ah = ah; r.dl = drive; r.eflags = 0x202
        return r
    }

    static func sectors(_ disk: VirtualFatDisk<MemorySource>, _ lba: UInt64, _ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        for i in 0..<count { out += disk.sector(lba + UInt64(i))! }
        return out
    }

    /// A disk address packet at 0x0700:0x0010 (flat 0x7010).
    static func putPacket(_ m: BiosTestMemory, size: UInt8 = 0x10, count: UInt16, segment: UInt16, offset: UInt16,
                          lba: UInt64, flat: UInt64? = nil) -> BiosCallRegisters {
        var p = [UInt8](repeating: 0, count: 0x18)
        p[0] = size
        p.putLE(count, at: 2); p.putLE(offset, at: 4); p.putLE(segment, at: 6); p.putLE(lba, at: 8)
        if let flat { p.putLE(flat, at: 0x10) }
        m.write(p, at: 0x7010)
        var r = call(0x42)
        r.ds = 0x0700; r.esi = 0x0010
        return r
    }

    @Test func otherDrivesAndOtherVectorsAreNotOurs() throws {
        var e = Int13Emulation(drive: 0x81, disk: try Self.makeDisk(), driveCount: 2)
        let m = BiosTestMemory(size: 1 << 16)
        var r = Self.call(0x42, drive: 0x80)
        let before = r
        #expect(!e.handle(&r, memory: m))
        #expect(r == before)
        r = Self.call(0x00); r.vector = 0x10
        #expect(!e.handle(&r, memory: m))
    }

    @Test func extendedReadsEqualTheDisksSectors() throws {
        let disk = try Self.makeDisk()
        var e = Int13Emulation(drive: 0x81, disk: disk)
        let m = BiosTestMemory(size: 4 << 20)
        // Every region of the disk: MBR, boot sector, FSInfo, FAT, directories, file data, the end.
        let g = disk.geometry
        let starts: [UInt64] = [0, 2048, 2049, 2048 + 32, 2048 + UInt64(g.dataStart), 2048 + UInt64(g.dataStart) + 40, disk.sectorCount - 3]
        for lba in starts {
            var r = Self.putPacket(m, count: 3, segment: 0x1000, offset: 0x0200, lba: lba)
            #expect(e.handle(&r, memory: m))
            #expect(!r.carry, "lba \(lba)"); #expect(r.ah == 0)
            #expect(m.bytes(at: 0x10200, count: 3 * 512) == Self.sectors(disk, lba, 3), "lba \(lba)")
            #expect(m.bytes(at: 0x7012, count: 2)?.le16(at: 0) == 3)
        }
    }

    @Test func packetWithA64BitFlatBuffer() throws {
        let disk = try Self.makeDisk()
        var e = Int13Emulation(drive: 0x81, disk: disk)
        let m = BiosTestMemory(size: 4 << 20)
        var r = Self.putPacket(m, size: 0x18, count: 2, segment: 0xFFFF, offset: 0xFFFF, lba: 2048, flat: 0x20_0000)
        #expect(e.handle(&r, memory: m))
        #expect(!r.carry)
        #expect(m.bytes(at: 0x20_0000, count: 1024) == Self.sectors(disk, 2048, 2))
        // FFFF:FFFF in a 10h packet has no flat address: invalid.
        r = Self.putPacket(m, size: 0x10, count: 1, segment: 0xFFFF, offset: 0xFFFF, lba: 0)
        #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x01)
    }

    @Test func packetEdgeCases() throws {
        let disk = try Self.makeDisk()
        var e = Int13Emulation(drive: 0x81, disk: disk)
        let m = BiosTestMemory(size: 1 << 20)
        // Too small a packet.
        var r = Self.putPacket(m, size: 0x0F, count: 1, segment: 0x1000, offset: 0, lba: 0)
        #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x01)
        // Past the end: sector not found, nothing read, count written back 0.
        r = Self.putPacket(m, count: 2, segment: 0x1000, offset: 0, lba: disk.sectorCount - 1)
        #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x04)
        #expect(m.bytes(at: 0x7012, count: 2)?.le16(at: 0) == 0)
        // AH=01 reports the last status.
        r = Self.call(0x01)
        #expect(e.handle(&r, memory: m)); #expect(r.ah == 0x04); #expect(r.carry)
        // A buffer running out of memory: the sectors that fit are read and counted.
        r = Self.putPacket(m, count: 4, segment: 0xFFE0, offset: 0x0000, lba: 0)  // flat 0xFFE00: one sector below 1 MiB
        #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x09)
        #expect(m.bytes(at: 0x7012, count: 2)?.le16(at: 0) == 1)
        #expect(m.bytes(at: 0xFFE00, count: 512) == Self.sectors(disk, 0, 1))
        // Count 0 reads nothing and succeeds.
        r = Self.putPacket(m, count: 0, segment: 0x1000, offset: 0, lba: 5)
        #expect(e.handle(&r, memory: m)); #expect(!r.carry)
        // Reset clears the status.
        r = Self.call(0x00)
        #expect(e.handle(&r, memory: m)); #expect(!r.carry); #expect(e.lastStatus == 0)
    }

    @Test func chsReadsMapToLBA() throws {
        let disk = try Self.makeDisk()
        var e = Int13Emulation(drive: 0x80, disk: disk)
        let m = BiosTestMemory(size: 1 << 20)
        // LBA 2048 = cylinder 0, head 32, sector 33 (2048 = 32 * 63 + 32).
        var r = Self.call(0x02, drive: 0x80)
        r.al = 2; r.ch = 0; r.cl = 33; r.dh = 32; r.es = 0x2000; r.ebx = 0x0100
        #expect(e.handle(&r, memory: m)); #expect(!r.carry); #expect(r.al == 2)
        #expect(m.bytes(at: 0x20100, count: 1024) == Self.sectors(disk, 2048, 2))
        // Cylinder 1 (head 0, sector 1) = LBA 16065: high cylinder bits in CL are honoured.
        guard disk.sectorCount > 16066 else { return }
        r = Self.call(0x02, drive: 0x80); r.al = 1; r.ch = 1; r.cl = 1; r.dh = 0; r.es = 0x2000; r.ebx = 0
        #expect(e.handle(&r, memory: m)); #expect(!r.carry)
        #expect(m.bytes(at: 0x20000, count: 512) == Self.sectors(disk, 16065, 1))
        // Sector 0 does not exist.
        r = Self.call(0x02, drive: 0x80); r.al = 1; r.cl = 0
        #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x01)
    }

    @Test func writesAreRefused() throws {
        var e = Int13Emulation(drive: 0x80, disk: try Self.makeDisk())
        let m = BiosTestMemory(size: 1 << 16)
        for ah: UInt8 in [0x03, 0x43] {
            var r = Self.call(ah, drive: 0x80)
            #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x03)
        }
    }

    @Test func unknownFunctionsAreInvalid() throws {
        var e = Int13Emulation(drive: 0x80, disk: try Self.makeDisk())
        let m = BiosTestMemory(size: 1 << 16)
        for ah: UInt8 in [0x04, 0x05, 0x0C, 0x44, 0x47, 0x4E, 0xFF] {
            var r = Self.call(ah, drive: 0x80)
            #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x01, "AH=\(ah)")
        }
    }

    @Test func parametersTypeAndExtensions() throws {
        let disk = try Self.makeDisk()
        var e = Int13Emulation(drive: 0x81, disk: disk, driveCount: 2)
        let m = BiosTestMemory(size: 1 << 20)
        var r = Self.call(0x08)
        #expect(e.handle(&r, memory: m)); #expect(!r.carry); #expect(r.ah == 0)
        let lastCylinder = UInt32(r.ch) | UInt32(r.cl & 0xC0) << 2
        #expect(lastCylinder == e.cylinders - 1)
        #expect(r.cl & 0x3F == 63); #expect(r.dh == 254); #expect(r.dl == 2)
        #expect(e.cylinders == UInt32(min(1024, disk.sectorCount / (255 * 63))))

        r = Self.call(0x15)
        #expect(e.handle(&r, memory: m)); #expect(!r.carry); #expect(r.ah == 0x03)
        #expect(UInt64(r.cx) << 16 | UInt64(r.dx) == disk.sectorCount)

        r = Self.call(0x41); r.bx = 0x55AA
        #expect(e.handle(&r, memory: m)); #expect(!r.carry)
        #expect(r.bx == 0xAA55); #expect(r.cx & 1 == 1); #expect(r.ah == 0x30)
        r = Self.call(0x41); r.bx = 0x1234
        #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x01)
    }

    @Test func extendedParametersBufferSizes() throws {
        let disk = try Self.makeDisk()
        var e = Int13Emulation(drive: 0x81, disk: disk)
        let m = BiosTestMemory(size: 1 << 20)
        for (given, written) in [(0x1A, 0x1A), (0x1E, 0x1E), (0x42, 0x1E)] as [(UInt16, UInt16)] {
            var buf = [UInt8](repeating: 0xEE, count: 0x42)
            buf.putLE(given, at: 0)
            m.write(buf, at: 0x8000)
            var r = Self.call(0x48); r.ds = 0x0800; r.esi = 0
            #expect(e.handle(&r, memory: m)); #expect(!r.carry)
            let out = m.bytes(at: 0x8000, count: 0x42)!
            #expect(out.le16(at: 0) == written)
            #expect(out.le32(at: 4) == e.cylinders); #expect(out.le32(at: 8) == 255); #expect(out.le32(at: 12) == 63)
            #expect(out.le64(at: 0x10) == disk.sectorCount); #expect(out.le16(at: 0x18) == 512)
            if written == 0x1E { #expect(out.le32(at: 0x1A) == 0xFFFF_FFFF) }
            #expect(out[Int(written)] == 0xEE)   // nothing written past the size
        }
        m.write([0x19, 0], at: 0x8000)
        var r = Self.call(0x48); r.ds = 0x0800; r.esi = 0
        #expect(e.handle(&r, memory: m)); #expect(r.carry); #expect(r.ah == 0x01)
    }
}
