/// Why a file is not a PE image this project can load, or could not be laid out. The parser
/// checks every offset and size against the file and the image: bad input ends here, never in a trap.
public enum PEError: Error, Equatable, Sendable {
    /// The file is too short for the header being read (DOS, PE signature, COFF, optional, sections).
    case truncated
    /// No "MZ" at offset 0.
    case noDosSignature
    /// e_lfanew (DOS header offset 0x3C) points outside the file.
    case badHeaderOffset
    /// No "PE\0\0" where e_lfanew points.
    case noPeSignature
    /// COFF Machine is neither 0x14C (i386) nor 0x8664 (x86-64), or does not match the optional header.
    case unsupportedMachine(UInt16)
    /// Optional header magic is neither 0x10B (PE32) nor 0x20B (PE32+).
    case unsupportedMagic(UInt16)
    /// SizeOfOptionalHeader too small for the magic's fixed fields or the data directories it declares.
    case badOptionalHeader
    /// SizeOfHeaders / SizeOfImage / AddressOfEntryPoint are inconsistent with each other or the file.
    case badImageLayout
    /// Section `index` lies outside the file (raw data) or outside SizeOfImage (virtual range).
    case badSection(Int)
    /// The caller's buffer is smaller than SizeOfImage.
    case bufferTooSmall
    /// The image would not fit below 4 GiB at that base (PE32) or the base wraps.
    case badBase
    /// The image is linked to one address only (IMAGE_FILE_RELOCS_STRIPPED) and the base differs.
    case notRelocatable
    /// A base relocation block is malformed or lies outside the image.
    case badRelocationBlock
    /// A base relocation type other than ABSOLUTE (0), and HIGHLOW (3) for PE32 or DIR64 (10) for PE32+.
    case unsupportedRelocation(UInt16)
    /// A relocation's target lies outside the image.
    case relocationOutsideImage
}
