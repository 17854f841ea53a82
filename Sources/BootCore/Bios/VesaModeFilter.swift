/// Text mode for the boot manager, as wimboot does unless `gui`: after the BIOS answers
/// INT 10h AX=4F01h (VBE "Return VBE Mode Information", the 256-byte ModeInfoBlock at ES:DI),
/// bit 0 of its first word, ModeAttributes ("mode supported in hardware"), is cleared, so the
/// boot manager finds no usable VESA mode and stays in VGA text mode, whose screen
/// (0xB8000) `bcd boot --firmware bios` reads. The loader's `gui` option leaves the answer as is.
public enum VesaModeFilter {
    /// Is `r` (before the call) a VBE mode information request?
    public static func isModeInformation(_ r: BiosCallRegisters) -> Bool { r.vector == 0x10 && r.ax == 0x4F01 }

    /// After the BIOS answered `r` (successfully: AX 004Fh), marks the mode unsupported.
    /// False when there was nothing to change (another call, a failed one, memory not accessible).
    @discardableResult
    public static func hide<M: BiosMemory>(_ r: BiosCallRegisters, request: BiosCallRegisters, memory: M) -> Bool {
        guard isModeInformation(request), r.ax == 0x004F,
              let block = memory.buffer(at: UInt64(BiosCallRegisters.flat(segment: request.es, offset: request.di)), count: 2)
        else { return false }
        block[0] &= ~1
        return true
    }
}
