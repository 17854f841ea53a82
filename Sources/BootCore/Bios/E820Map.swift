/// The BIOS memory map (INT 15h, EAX=E820h: base, length, type; ACPI's address range types 1
/// usable, 2 reserved, 3 ACPI reclaimable, 4 ACPI NVS, 5 unusable) and the map the loader gives
/// the boot manager instead: the same map with the loader, its tables and the files marked
/// reserved, so that nothing the boot manager allocates can overwrite them.
public struct E820Entry: Equatable, Sendable {
    public var base: UInt64
    public var length: UInt64
    public var type: UInt32
    public var end: UInt64 { base &+ length }
    public init(base: UInt64, length: UInt64, type: UInt32) { self.base = base; self.length = length; self.type = type }

    public static let usable: UInt32 = 1
    public static let reserved: UInt32 = 2
    /// Size of one entry as E820h returns it (without the ACPI 3.0 attributes word).
    public static let size = 20
}

/// A range [start, end) the loader keeps for itself.
public struct ReservedRange: Equatable, Sendable {
    public var start: UInt64
    public var end: UInt64
    public init(start: UInt64, end: UInt64) { self.start = start; self.end = end }
}

public enum E820Map {
    /// `map` with every `reserved` range that lies in it turned into type 2. The result is sorted,
    /// free of overlaps (where firmware entries overlap, the higher type wins, as reserved-like
    /// types must win over usable) and of empty entries, and adjacent entries of one type are
    /// merged. Ranges outside every entry stay gaps; partial pages are not rounded (callers pass
    /// page-aligned ranges when they need pages).
    public static func reserving(_ reserved: [ReservedRange], in map: [E820Entry]) -> [E820Entry] {
        let entries = map.filter { $0.length > 0 && $0.end > $0.base }
        let ranges = reserved.filter { $0.end > $0.start }
        var points: [UInt64] = []
        for e in entries { points.append(e.base); points.append(e.end) }
        for r in ranges { points.append(r.start); points.append(r.end) }
        points.sort()
        var bounds: [UInt64] = []
        for p in points where bounds.last != p { bounds.append(p) }
        var out: [E820Entry] = []
        var i = 0
        while i + 1 < bounds.count {
            let lo = bounds[i], hi = bounds[i + 1]
            i += 1
            var type: UInt32 = 0
            for e in entries where e.base <= lo && e.end >= hi { type = max(type, e.type) }
            guard type != 0 else { continue }                       // a gap stays a gap
            if type == E820Entry.usable, ranges.contains(where: { $0.start <= lo && $0.end >= hi }) { type = E820Entry.reserved }
            if let last = out.last, last.end == lo, last.type == type {
                out[out.count - 1].length += hi - lo
            } else {
                out.append(E820Entry(base: lo, length: hi - lo, type: type))
            }
        }
        return out
    }

    /// Usable bytes from `start` on, contiguous in `map` (sorted, as `reserving` makes it).
    static func usableRun(from start: UInt64, in map: [E820Entry]) -> UInt64 {
        var at = start
        for e in map where e.type == E820Entry.usable && e.base <= at && e.end > at { at = e.end }
        return at - start
    }

    /// INT 12h and the BIOS data area's word at 0x413: KiB of usable memory from 0, at most 640.
    public static func conventionalKiB(_ map: [E820Entry]) -> UInt16 {
        UInt16(min(usableRun(from: 0, in: map), 640 * 1024) / 1024)
    }

    /// INT 15h AX=E801h: KiB usable from 1 MiB up to 16 MiB (AX, CX; at most 3C00h), and
    /// 64 KiB blocks usable from 16 MiB on, contiguously and below 4 GiB (BX, DX).
    public static func e801(_ map: [E820Entry]) -> (kibBelow16M: UInt16, blocksAbove16M: UInt16) {
        let mib: UInt64 = 1 << 20
        let low = min(usableRun(from: mib, in: map), 15 * mib) / 1024
        let high = low == 15 * 1024 ? min(usableRun(from: 16 * mib, in: map), (1 << 32) - 16 * mib) / 65536 : 0
        return (UInt16(low), UInt16(min(high, 0xFFFF)))
    }

    /// INT 15h AH=88h: KiB usable from 1 MiB on, contiguously (at most FFFFh).
    public static func extendedKiB(_ map: [E820Entry]) -> UInt16 {
        UInt16(min(usableRun(from: 1 << 20, in: map) / 1024, 0xFFFF))
    }

    /// Serves INT 15h EAX=E820h from `map`: EBX the index to return (0 first, answered 0 after the
    /// last), ECX the buffer size (at least 20), EDX "SMAP", ES:DI the buffer. Answers EAX "SMAP",
    /// ECX 20, CF clear; CF set (AH 86h) when EDX or the size is wrong or EBX is past the end.
    /// False when `r` is not an E820h call.
    public static func serve<M: BiosMemory>(_ map: [E820Entry], _ r: inout BiosCallRegisters, memory: M) -> Bool {
        guard r.vector == 0x15, r.eax == 0xE820 else { return false }
        let smap: UInt32 = 0x534D_4150
        let index = Int(r.ebx)
        guard r.edx == smap, r.ecx >= UInt32(E820Entry.size), index < map.count,
              let out = memory.buffer(at: UInt64(BiosCallRegisters.flat(segment: r.es, offset: r.di)), count: E820Entry.size)
        else { r.ah = 0x86; r.carry = true; return true }
        var b = [UInt8](repeating: 0, count: E820Entry.size)
        b.putLE(map[index].base, at: 0); b.putLE(map[index].length, at: 8); b.putLE(map[index].type, at: 16)
        for i in 0..<b.count { out[i] = b[i] }
        r.eax = smap
        r.ecx = UInt32(E820Entry.size)
        r.ebx = index + 1 < map.count ? UInt32(index + 1) : 0
        r.carry = false
        return true
    }
}
