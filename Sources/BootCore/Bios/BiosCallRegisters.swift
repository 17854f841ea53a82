/// The register block of the BIOS-call callback a BIOS boot application (bootmgr.exe) is given:
/// it fills one in, calls `callInterrupt(&block)` (or `callReal`) in 32-bit protected mode, and
/// the callee runs the interrupt in real mode and writes the registers and flags back.
/// 0x40 bytes, all fields 32 bits, little-endian (docs/bios-boot.md cites the sources):
///   +0x00 vector (interrupt number, or offset:segment of a real-mode function for callReal)
///   +0x04 eax  +0x08 ebx  +0x0C ecx  +0x10 edx
///   +0x14 and +0x18 unused (esp, ebp slots)
///   +0x1C esi  +0x20 edi
///   +0x24 unused (cs slot)  +0x28 ds  +0x2C unused (ss slot)  +0x30 es  +0x34 fs  +0x38 gs
///   +0x3C eflags (on return; CF, bit 0, is the BIOS's error flag)
public struct BiosCallRegisters: Equatable {
    public static let size = 0x40
    public enum Offset {
        public static let vector = 0x00, eax = 0x04, ebx = 0x08, ecx = 0x0C, edx = 0x10
        public static let esi = 0x1C, edi = 0x20, ds = 0x28, es = 0x30, fs = 0x34, gs = 0x38
        public static let eflags = 0x3C
    }
    /// eflags bits the BIOS calls report through.
    public static let carryFlag: UInt32 = 1 << 0
    public static let zeroFlag: UInt32 = 1 << 6

    public var vector: UInt32 = 0
    public var eax: UInt32 = 0, ebx: UInt32 = 0, ecx: UInt32 = 0, edx: UInt32 = 0
    public var esi: UInt32 = 0, edi: UInt32 = 0
    public var ds: UInt32 = 0, es: UInt32 = 0, fs: UInt32 = 0, gs: UInt32 = 0
    public var eflags: UInt32 = 0

    public init() {}

    /// Reads a block (nil when shorter than 0x40 bytes); unused slots are ignored.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= Self.size,
              let v = bytes.le32(at: Offset.vector), let a = bytes.le32(at: Offset.eax), let b = bytes.le32(at: Offset.ebx),
              let c = bytes.le32(at: Offset.ecx), let d = bytes.le32(at: Offset.edx), let si = bytes.le32(at: Offset.esi),
              let di = bytes.le32(at: Offset.edi), let ds = bytes.le32(at: Offset.ds), let es = bytes.le32(at: Offset.es),
              let fs = bytes.le32(at: Offset.fs), let gs = bytes.le32(at: Offset.gs), let fl = bytes.le32(at: Offset.eflags)
        else { return nil }
        vector = v; eax = a; ebx = b; ecx = c; edx = d; esi = si; edi = di
        self.ds = ds; self.es = es; self.fs = fs; self.gs = gs; eflags = fl
    }

    /// The 0x40-byte block (unused slots zero).
    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.size)
        out.putLE(vector, at: Offset.vector)
        out.putLE(eax, at: Offset.eax); out.putLE(ebx, at: Offset.ebx)
        out.putLE(ecx, at: Offset.ecx); out.putLE(edx, at: Offset.edx)
        out.putLE(esi, at: Offset.esi); out.putLE(edi, at: Offset.edi)
        out.putLE(ds, at: Offset.ds); out.putLE(es, at: Offset.es)
        out.putLE(fs, at: Offset.fs); out.putLE(gs, at: Offset.gs)
        out.putLE(eflags, at: Offset.eflags)
        return out
    }

    // The 8- and 16-bit views BIOS interfaces are specified in.
    public var ah: UInt8 { get { UInt8(truncatingIfNeeded: eax >> 8) } set { eax = eax & 0xFFFF_00FF | UInt32(newValue) << 8 } }
    public var al: UInt8 { get { UInt8(truncatingIfNeeded: eax) } set { eax = eax & 0xFFFF_FF00 | UInt32(newValue) } }
    public var ax: UInt16 { get { UInt16(truncatingIfNeeded: eax) } set { eax = eax & 0xFFFF_0000 | UInt32(newValue) } }
    public var bx: UInt16 { get { UInt16(truncatingIfNeeded: ebx) } set { ebx = ebx & 0xFFFF_0000 | UInt32(newValue) } }
    public var bl: UInt8 { get { UInt8(truncatingIfNeeded: ebx) } set { ebx = ebx & 0xFFFF_FF00 | UInt32(newValue) } }
    public var cx: UInt16 { get { UInt16(truncatingIfNeeded: ecx) } set { ecx = ecx & 0xFFFF_0000 | UInt32(newValue) } }
    public var ch: UInt8 { get { UInt8(truncatingIfNeeded: ecx >> 8) } set { ecx = ecx & 0xFFFF_00FF | UInt32(newValue) << 8 } }
    public var cl: UInt8 { get { UInt8(truncatingIfNeeded: ecx) } set { ecx = ecx & 0xFFFF_FF00 | UInt32(newValue) } }
    public var dx: UInt16 { get { UInt16(truncatingIfNeeded: edx) } set { edx = edx & 0xFFFF_0000 | UInt32(newValue) } }
    public var dh: UInt8 { get { UInt8(truncatingIfNeeded: edx >> 8) } set { edx = edx & 0xFFFF_00FF | UInt32(newValue) << 8 } }
    public var dl: UInt8 { get { UInt8(truncatingIfNeeded: edx) } set { edx = edx & 0xFFFF_FF00 | UInt32(newValue) } }
    public var si: UInt16 { UInt16(truncatingIfNeeded: esi) }
    public var di: UInt16 { UInt16(truncatingIfNeeded: edi) }

    /// The carry flag: set by a BIOS call that failed.
    public var carry: Bool {
        get { eflags & Self.carryFlag != 0 }
        set { eflags = newValue ? eflags | Self.carryFlag : eflags & ~Self.carryFlag }
    }

    /// A real-mode segment:offset as a flat address (segment * 16 + offset).
    public static func flat(segment: UInt32, offset: UInt16) -> UInt32 { (segment & 0xFFFF) << 4 + UInt32(offset) }
}
