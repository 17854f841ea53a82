// The boot manager's BIOS calls that the loader answers itself (callback.c asks first, then
// passes the rest to the BIOS): INT 13h for the emulated drive (BootCore Int13Emulation over
// the VirtualFatDisk), INT 15h E820h from the adjusted map (E820Map.serve), and the memory
// sizes derived from that map: INT 12h, INT 15h AX=E801h, AH=88h.

/// Physical memory as it is in flat protected mode with paging off (address = pointer).
struct FlatMemory: BiosMemory {
    func buffer(at address: UInt64, count: Int) -> UnsafeMutableRawBufferPointer? {
        guard count >= 0, address != 0, address <= 0xFFFF_FFFF - UInt64(count),
              let p = UnsafeMutableRawPointer(bitPattern: UInt(address)) else { return nil }
        return UnsafeMutableRawBufferPointer(start: p, count: count)
    }
    func bytes(at address: UInt64, count: Int) -> [UInt8]? {
        guard let b = buffer(at: address, count: count) else { return nil }
        return Array(UnsafeRawBufferPointer(b))
    }
}

nonisolated(unsafe) var biosInt13: Int13Emulation<VirtualFatDisk<LoaderServedSource<LdrInputSource>>>? = nil

/// Starts serving the disk built by ldr_vdisk_build as BIOS drive `drive`; `driveCount`: the
/// hard disks the BIOS reports, ours included.
@_cdecl("bios_int13_start")
public func biosInt13Start(_ drive: UInt8, _ driveCount: UInt8) -> Int32 {
    guard let disk = ldrDisk else { return LoaderBridgeStatus.range.rawValue }
    biosInt13 = Int13Emulation(drive: drive, disk: disk, driveCount: driveCount)
    return LoaderBridgeStatus.ok.rawValue
}

/// Answers the call in the register block at `block` (bootapp.h struct bios_regs) when it is
/// one of ours, writing the registers back: 1; 0 when it is for the BIOS.
@_cdecl("bios_callback_emulate")
public func biosCallbackEmulate(_ block: UnsafeMutableRawPointer) -> Int32 {
    let raw = UnsafeMutableRawBufferPointer(start: block, count: BiosCallRegisters.size)
    guard var r = BiosCallRegisters(bytes: Array(UnsafeRawBufferPointer(raw))) else { return 0 }
    let memory = FlatMemory()
    var handled = false
    if var int13 = biosInt13, int13.handle(&r, memory: memory) { biosInt13 = int13; handled = true }
    else if E820Map.serve(biosE820Out, &r, memory: memory) { handled = true }
    else if r.vector == 0x12 { r.eax = r.eax & 0xFFFF_0000 | UInt32(E820Map.conventionalKiB(biosE820Out)); handled = true }
    else if r.vector == 0x15 && r.eax & 0xFFFF == 0xE801 {
        let sizes = E820Map.e801(biosE820Out)
        r.eax = r.eax & 0xFFFF_0000 | UInt32(sizes.kibBelow16M); r.ecx = r.ecx & 0xFFFF_0000 | UInt32(sizes.kibBelow16M)
        r.ebx = r.ebx & 0xFFFF_0000 | UInt32(sizes.blocksAbove16M); r.edx = r.edx & 0xFFFF_0000 | UInt32(sizes.blocksAbove16M)
        r.carry = false; handled = true
    } else if r.vector == 0x15 && r.ah == 0x88 {
        r.eax = r.eax & 0xFFFF_0000 | UInt32(E820Map.extendedKiB(biosE820Out)); r.carry = false; handled = true
    }
    guard handled else { return 0 }
    let out = r.bytes
    for (i, byte) in out.enumerated() where i != BiosCallRegisters.Offset.vector { raw[i] = byte }
    return 1
}

/// KiB of conventional memory in the adjusted map (INT 12h's answer; the BDA word at 0x413).
@_cdecl("bios_conventional_kib")
public func biosConventionalKiB() -> UInt16 { E820Map.conventionalKiB(biosE820Out) }

/// After the BIOS answered the call at `block` (`request`: the registers before it, a copy made
/// by callback.c): without `gui`, VBE mode information is marked unsupported (VesaModeFilter).
@_cdecl("bios_callback_after")
public func biosCallbackAfter(_ block: UnsafeMutableRawPointer, _ request: UnsafeRawPointer) {
    guard let r = BiosCallRegisters(bytes: Array(UnsafeRawBufferPointer(start: block, count: BiosCallRegisters.size))),
          let before = BiosCallRegisters(bytes: Array(UnsafeRawBufferPointer(start: request, count: BiosCallRegisters.size)))
    else { return }
    VesaModeFilter.hide(r, request: before, memory: FlatMemory())
}
