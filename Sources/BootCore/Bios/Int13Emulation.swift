/// INT 13h for one emulated hard disk drive (0x80 + n), served from a `BiosSectorDevice` (the
/// `VirtualFatDisk`): what the loader's BIOS-call callback runs when the boot manager asks for
/// its drive. Calls for other drives are not ours (`handle` returns false: pass them to the BIOS).
///
/// Functions (AH on entry; the IBM PC BIOS interface and the Phoenix / T13 "BIOS Enhanced Disk
/// Drive Services" (EDD 3.0) for 41h-48h):
///   00 reset, 01 last status, 02 CHS read (AL sectors, CH/CL/DH cylinder/sector/head, ES:BX),
///   03/43 writes: refused (03, write-protected), 08 parameters, 15 drive type (03, fixed disk,
///   CX:DX sectors), 41 extensions check (BX 55AA -> AA55, AH 30h, CX bit 0: 42h-44h, 47h, 48h),
///   42 extended read (disk address packet at DS:SI), 48 extended parameters (buffer at DS:SI).
/// Result: AH = status (00 ok), CF set on error; anything else for our drive: AH = 01, CF.
public struct Int13Emulation<Disk: BiosSectorDevice> {
    typealias Status = Int13Status
    public let drive: UInt8
    public let disk: Disk
    /// Hard disks the BIOS reports in AH=08's DL, counting ours.
    public let driveCount: UInt8
    /// Status of the last call (AH=01 reports it).
    public private(set) var lastStatus: UInt8 = 0

    /// The translated geometry AH=08 and CHS reads use: 255 heads, 63 sectors per track.
    public static var heads: UInt32 { 255 }
    public static var sectorsPerTrack: UInt32 { 63 }

    public init(drive: UInt8, disk: Disk, driveCount: UInt8 = 1) {
        self.drive = drive; self.disk = disk; self.driveCount = driveCount
    }

    /// Cylinders of the translated geometry (at most 1024: CHS cannot address more).
    public var cylinders: UInt32 {
        let perCylinder = UInt64(Self.heads * Self.sectorsPerTrack)
        return UInt32(max(1, min(1024, disk.sectorCount / perCylinder)))
    }

    /// Serves `r` when it is an INT 13h call for our drive; false (registers untouched) otherwise.
    public mutating func handle<M: BiosMemory>(_ r: inout BiosCallRegisters, memory: M) -> Bool {
        guard r.vector == 0x13, r.dl == drive else { return false }
        let function = r.ah
        switch function {
        case 0x00: finish(&r, Status.ok)
        case 0x01: finish(&r, lastStatus)
        case 0x02: finish(&r, readCHS(&r, memory))
        case 0x03, 0x43: finish(&r, Status.writeProtected)
        case 0x08: parameters(&r)
        case 0x15: driveType(&r)
        case 0x41: extensionsCheck(&r)
        case 0x42: finish(&r, extendedRead(&r, memory))
        case 0x48: finish(&r, extendedParameters(&r, memory))
        default: finish(&r, Status.invalid)
        }
        return true
    }

    mutating func finish(_ r: inout BiosCallRegisters, _ status: UInt8) {
        lastStatus = status
        r.ah = status
        r.carry = status != Status.ok
    }

    /// Reads `count` sectors from `lba` into memory at `address`; the number read.
    func readSectors(lba: UInt64, count: Int, to address: UInt64, _ memory: some BiosMemory) -> (read: Int, status: UInt8) {
        guard lba <= disk.sectorCount, UInt64(count) <= disk.sectorCount - lba else { return (0, Status.sectorNotFound) }
        // The whole transfer in one device read when the buffer is accessible as a whole; else
        // sector by sector, so that a buffer running out part-way reports how much was read.
        if count > 0, let whole = memory.buffer(at: address, count: count * 512) {
            return disk.readSectors(lba, into: whole) ? (count, Status.ok) : (0, Status.readError)
        }
        for i in 0..<count {
            guard let buffer = memory.buffer(at: address + UInt64(i) * 512, count: 512) else { return (i, Status.boundary) }
            guard disk.readSector(lba + UInt64(i), into: buffer) else { return (i, Status.readError) }
        }
        return (count, Status.ok)
    }

    /// 02: CL bits 0-5 sector (from 1), CL bits 6-7 and CH cylinder, DH head; AL sectors read.
    mutating func readCHS(_ r: inout BiosCallRegisters, _ memory: some BiosMemory) -> UInt8 {
        let count = Int(r.al)
        let sector = UInt32(r.cl & 0x3F)
        let cylinder = UInt32(r.ch) | UInt32(r.cl & 0xC0) << 2
        let head = UInt32(r.dh)
        guard count > 0, sector >= 1, sector <= Self.sectorsPerTrack, head < Self.heads else { r.al = 0; return Status.invalid }
        let lba = (UInt64(cylinder) * UInt64(Self.heads) + UInt64(head)) * UInt64(Self.sectorsPerTrack) + UInt64(sector - 1)
        let address = UInt64(BiosCallRegisters.flat(segment: r.es, offset: r.bx))
        let result = readSectors(lba: lba, count: count, to: address, memory)
        r.al = UInt8(result.read)
        return result.status
    }

    /// 08: CH low 8 bits of the last cylinder, CL last sector | its high 2 bits, DH last head,
    /// DL number of hard disks; AX 0, BL 0.
    mutating func parameters(_ r: inout BiosCallRegisters) {
        let last = cylinders - 1
        r.ch = UInt8(last & 0xFF)
        r.cl = UInt8(Self.sectorsPerTrack) | UInt8((last >> 2) & 0xC0)
        r.dh = UInt8(Self.heads - 1)
        r.dl = driveCount
        r.bl = 0
        finish(&r, Status.ok)
        r.al = 0
    }

    /// 15: AH 03 (fixed disk), CX:DX the sector count (capped at 32 bits); CF clear.
    mutating func driveType(_ r: inout BiosCallRegisters) {
        let sectors = UInt32(truncatingIfNeeded: min(disk.sectorCount, UInt64(UInt32.max)))
        r.cx = UInt16(sectors >> 16)
        r.dx = UInt16(sectors & 0xFFFF)
        lastStatus = Status.ok
        r.ah = 0x03
        r.carry = false
    }

    /// 41: BX must be 55AA; answers BX AA55, AH 30h (EDD 3.0), CX bit 0 (the extended functions).
    mutating func extensionsCheck(_ r: inout BiosCallRegisters) {
        guard r.bx == 0x55AA else { finish(&r, Status.invalid); return }
        r.bx = 0xAA55
        r.cx = 0x0001
        lastStatus = Status.ok
        r.ah = 0x30
        r.carry = false
    }

    /// 42: the disk address packet at DS:SI: +0 size (10h, or 18h with a 64-bit flat buffer
    /// address at +10h used when +4 is FFFF:FFFF), +1 0, +2 sector count (written back with the
    /// number read), +4 buffer offset, +6 segment, +8 LBA (64-bit).
    mutating func extendedRead(_ r: inout BiosCallRegisters, _ memory: some BiosMemory) -> UInt8 {
        let packet = UInt64(BiosCallRegisters.flat(segment: r.ds, offset: r.si))
        guard let head = memory.bytes(at: packet, count: 0x10), head[0] >= 0x10, head[1] == 0,
              let count = head.le16(at: 2), let offset = head.le16(at: 4), let segment = head.le16(at: 6),
              let lba = head.le64(at: 8) else { return Status.invalid }
        var address = UInt64(BiosCallRegisters.flat(segment: UInt32(segment), offset: offset))
        if offset == 0xFFFF, segment == 0xFFFF {
            guard head[0] >= 0x18, let flat = memory.bytes(at: packet + 0x10, count: 8)?.le64(at: 0) else { return Status.invalid }
            address = flat
        }
        let result = readSectors(lba: lba, count: Int(count), to: address, memory)
        memory.putLE(UInt16(result.read), at: packet + 2)
        return result.status
    }

    /// 48: the result buffer at DS:SI, its size in its first word (at least 1Ah): +0 size
    /// written (1Ah, or 1Eh when room), +2 flags (0), +4 cylinders, +8 heads, +0Ch sectors per
    /// track (32 bits each), +10h total sectors (64), +18h bytes per sector (16), +1Ah EDD
    /// configuration parameters pointer: FFFF:FFFF (none).
    mutating func extendedParameters(_ r: inout BiosCallRegisters, _ memory: some BiosMemory) -> UInt8 {
        let at = UInt64(BiosCallRegisters.flat(segment: r.ds, offset: r.si))
        guard let given = memory.bytes(at: at, count: 2)?.le16(at: 0), given >= 0x1A else { return Status.invalid }
        let size: UInt16 = given >= 0x1E ? 0x1E : 0x1A
        guard let out = memory.buffer(at: at, count: Int(size)) else { return Status.invalid }
        var b = [UInt8](repeating: 0, count: Int(size))
        b.putLE(size, at: 0)
        b.putLE(cylinders, at: 4)
        b.putLE(Self.heads, at: 8)
        b.putLE(Self.sectorsPerTrack, at: 0x0C)
        b.putLE(disk.sectorCount, at: 0x10)
        b.putLE(UInt16(512), at: 0x18)
        if size == 0x1E { b.putLE(UInt32(0xFFFF_FFFF), at: 0x1A) }
        for i in 0..<b.count { out[i] = b[i] }
        return Status.ok
    }
}

/// INT 13h status codes (AH on return).
public enum Int13Status {
    public static let ok: UInt8 = 0x00, invalid: UInt8 = 0x01, writeProtected: UInt8 = 0x03
    public static let sectorNotFound: UInt8 = 0x04
    /// The buffer is not accessible memory (the BIOS's "DMA across 64K boundary").
    public static let boundary: UInt8 = 0x09
    /// The disk's source could not be read (controller failure).
    public static let readError: UInt8 = 0x20
}
