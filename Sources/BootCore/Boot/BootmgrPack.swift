/// Making a PCAT-style `bootmgr` from a bootmgr.exe (the BIOS boot tests' compressed boot manager):
/// a 16-bit stub that only halts, then the image compressed, where BootmgrImage.extract finds it.
extension BootmgrImage {
    /// The stub's size; the compressed stream starts here (a multiple of `alignment`).
    public static let stubSize = 0x200

    /// The stub: `cli; hlt; jmp $-1` (FA F4 EB FD), a label, zeros up to `stubSize`.
    public static var stub: [UInt8] {
        var bytes: [UInt8] = [0xFA, 0xF4, 0xEB, 0xFD]
        bytes += Array(" STAND-IN PCAT bootmgr stub made by 'bcd bootmgr pack': it has no 16-bit startup code.".utf8)
        bytes += [UInt8](repeating: 0, count: stubSize - bytes.count)
        return bytes
    }

    public static func pack(_ image: [UInt8], format: Format) -> [UInt8] {
        stub + (format == .lznt1 ? Lznt1Encoder.compress(image) : XcaEncoder.compress(image))
    }
}
