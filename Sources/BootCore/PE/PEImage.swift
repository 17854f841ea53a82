/// The headers of a PE/COFF image (Microsoft PE format: DOS header, "PE\0\0", COFF file header,
/// optional header PE32 or PE32+, section table), parsed and checked against the file so that
/// `layOut` can place it at any address. The i386 (PE32) bootmgr.exe of a BIOS boot and the x86-64
/// (PE32+) EFI images are both read here.
public struct PEImage: Equatable, Sendable {
    public static let machineI386: UInt16 = 0x014C
    public static let machineAMD64: UInt16 = 0x8664
    public static let magicPE32: UInt16 = 0x010B
    public static let magicPE32Plus: UInt16 = 0x020B
    /// COFF Characteristics bit: no base relocations, the image runs only at ImageBase.
    public static let relocsStripped: UInt16 = 0x0001
    /// Index of the base relocation table in the data directories.
    public static let baseRelocationDirectory = 5

    public let machine: UInt16
    /// True for PE32+ (magic 0x20B: 64-bit ImageBase and DIR64 relocations).
    public let isPE32Plus: Bool
    public let characteristics: UInt16
    public let imageBase: UInt64
    /// RVA of the entry point (0: none).
    public let entryPoint: UInt32
    public let sectionAlignment: UInt32
    public let fileAlignment: UInt32
    public let sizeOfImage: UInt32
    public let sizeOfHeaders: UInt32
    public let subsystem: UInt16
    public let dllCharacteristics: UInt16
    public let sections: [PESection]
    /// As many as NumberOfRvaAndSizes declares (at most 16).
    public let dataDirectories: [PEDataDirectory]
    /// Size of the file the headers were read from (sections were checked against it).
    public let fileSize: UInt64

    /// The base relocation directory, or nil when absent (or empty).
    public var baseRelocations: PEDataDirectory? {
        guard dataDirectories.count > Self.baseRelocationDirectory else { return nil }
        let d = dataDirectories[Self.baseRelocationDirectory]
        return d.size == 0 ? nil : d
    }

    /// Parses and checks the headers of the image in `source`.
    public init<Source: ByteSource>(_ source: Source) throws(PEError) {
        fileSize = source.count
        // DOS header: "MZ" at 0, e_lfanew (offset of "PE\0\0") at 0x3C.
        guard let dos = source.bytes(at: 0, length: 0x40) else { throw .truncated }
        guard dos[0] == 0x4D, dos[1] == 0x5A else { throw .noDosSignature }
        let peOffset = UInt64(dos.le32(at: 0x3C) ?? 0)
        guard peOffset < source.count else { throw .badHeaderOffset }
        // Signature (4) + COFF file header (20).
        guard let coff = source.bytes(at: peOffset, length: 24) else { throw .truncated }
        guard coff[0] == 0x50, coff[1] == 0x45, coff[2] == 0, coff[3] == 0 else { throw .noPeSignature }
        machine = coff.le16(at: 4) ?? 0
        let sectionCount = Int(coff.le16(at: 6) ?? 0)
        let optionalSize = Int(coff.le16(at: 20) ?? 0)
        characteristics = coff.le16(at: 22) ?? 0
        guard machine == Self.machineI386 || machine == Self.machineAMD64 else { throw .unsupportedMachine(machine) }

        let optionalOffset = peOffset + 24
        guard optionalSize >= 2 else { throw .badOptionalHeader }
        guard let opt = source.bytes(at: optionalOffset, length: optionalSize) else { throw .truncated }
        let magic = opt.le16(at: 0) ?? 0
        // Fixed fields end (and data directories start) at 96 in PE32, 112 in PE32+.
        let directoriesAt: Int
        switch magic {
        case Self.magicPE32:
            guard machine == Self.machineI386 else { throw .unsupportedMachine(machine) }
            isPE32Plus = false
            directoriesAt = 96
        case Self.magicPE32Plus:
            guard machine == Self.machineAMD64 else { throw .unsupportedMachine(machine) }
            isPE32Plus = true
            directoriesAt = 112
        default:
            throw .unsupportedMagic(magic)
        }
        guard optionalSize >= directoriesAt else { throw .badOptionalHeader }
        entryPoint = opt.le32(at: 16) ?? 0
        imageBase = isPE32Plus ? (opt.le64(at: 24) ?? 0) : UInt64(opt.le32(at: 28) ?? 0)
        sectionAlignment = opt.le32(at: 32) ?? 0
        fileAlignment = opt.le32(at: 36) ?? 0
        sizeOfImage = opt.le32(at: 56) ?? 0
        sizeOfHeaders = opt.le32(at: 60) ?? 0
        subsystem = opt.le16(at: 68) ?? 0
        dllCharacteristics = opt.le16(at: 70) ?? 0
        let directoryCount = Int(opt.le32(at: directoriesAt - 4) ?? 0)
        guard directoryCount <= 16, directoriesAt + 8 * directoryCount <= optionalSize else { throw .badOptionalHeader }
        var directories: [PEDataDirectory] = []
        for i in 0..<directoryCount {
            directories.append(PEDataDirectory(rva: opt.le32(at: directoriesAt + 8 * i) ?? 0,
                                               size: opt.le32(at: directoriesAt + 8 * i + 4) ?? 0))
        }
        dataDirectories = directories

        // The headers are copied into the image: they must fit in the file and in the image.
        guard sizeOfHeaders <= sizeOfImage, UInt64(sizeOfHeaders) <= source.count,
              entryPoint < sizeOfImage || entryPoint == 0 else { throw .badImageLayout }
        let tableOffset = optionalOffset + UInt64(optionalSize)
        guard let table = source.bytes(at: tableOffset, length: sectionCount * PESection.entrySize) else { throw .truncated }
        var parsed: [PESection] = []
        for i in 0..<sectionCount {
            let at = i * PESection.entrySize
            let section = PESection(Array(table[at..<at + PESection.entrySize]))
            // Virtual range inside SizeOfImage; copied raw bytes inside the file.
            guard UInt64(section.virtualAddress) + UInt64(section.memorySize) <= UInt64(sizeOfImage) else { throw .badSection(i) }
            if section.copiedSize > 0 {
                guard UInt64(section.rawOffset) + UInt64(section.copiedSize) <= source.count else { throw .badSection(i) }
            }
            parsed.append(section)
        }
        sections = parsed
        // Every non-empty directory lies inside the image, except the certificate table (4),
        // whose "RVA" is a file offset and whose bytes are not loaded.
        for i in 0..<directories.count where i != 4 && directories[i].size > 0 {
            guard UInt64(directories[i].rva) + UInt64(directories[i].size) <= UInt64(sizeOfImage) else { throw .badImageLayout }
        }
    }

    /// The entry point's address once laid out at `base`.
    public func entryAddress(at base: UInt64) -> UInt64 { base &+ UInt64(entryPoint) }

    /// The section holding `rva`, if any.
    public func section(containing rva: UInt32) -> PESection? {
        sections.first { rva >= $0.virtualAddress && UInt64(rva) < UInt64($0.virtualAddress) + UInt64($0.memorySize) }
    }
}
