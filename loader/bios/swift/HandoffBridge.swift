// bootmgr.exe's entry, for the BIOS loader's C side: the PE image laid out and relocated by
// BootCore's PEImage, the boot application parameter block by BootAppParameters, the E820 map
// the boot manager sees by BiosMemoryMap. C allocates and jumps; the layouts are BootCore's.

nonisolated(unsafe) var biosPE: PEImage? = nil
nonisolated(unsafe) var biosPESource: LdrInputSource? = nil

func biosPEMessage(_ error: PEError) -> String {
    switch error {
    case .truncated: return "truncated PE headers or data"
    case .noDosSignature: return "not a PE image (no MZ)"
    case .badHeaderOffset, .noPeSignature: return "not a PE image (no PE signature)"
    case .unsupportedMachine(let m): return "PE machine 0x\(String(m, radix: 16)) is not i386"
    case .unsupportedMagic, .badOptionalHeader: return "bad PE optional header"
    case .badImageLayout, .badSection: return "bad PE section layout"
    case .bufferTooSmall, .badBase: return "no room for the PE image"
    case .notRelocatable: return "the PE image cannot be relocated"
    case .badRelocationBlock, .unsupportedRelocation, .relocationOutsideImage: return "bad PE base relocations"
    }
}

/// Parses input `input` (`size` bytes) as bootmgr.exe: an i386 PE32 image. Sets its size in
/// memory and entry point RVA; on failure the reason is in ldr_vdisk_error.
@_cdecl("bios_pe_parse")
public func biosPEParse(_ input: Int32, _ size: UInt64, _ imageSize: UnsafeMutablePointer<UInt32>,
                        _ entry: UnsafeMutablePointer<UInt32>) -> Int32 {
    let source = LdrInputSource(index: input, count: size)
    do throws(PEError) {
        let pe = try PEImage(source)
        guard pe.machine == PEImage.machineI386, !pe.isPE32Plus else { throw PEError.unsupportedMachine(pe.machine) }
        biosPE = pe; biosPESource = source
        imageSize.pointee = pe.sizeOfImage
        entry.pointee = pe.entryPoint
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        ldrError = Array(biosPEMessage(error).utf8)
        return LoaderBridgeStatus.failed.rawValue
    }
}

/// Lays the parsed image out at `buffer` (its size in memory), relocated for that address.
@_cdecl("bios_pe_load")
public func biosPELoad(_ buffer: UnsafeMutableRawPointer) -> Int32 {
    guard let pe = biosPE, let source = biosPESource else { return LoaderBridgeStatus.range.rawValue }
    do throws(PEError) {
        try pe.layOut(source, at: UInt64(UInt(bitPattern: buffer)),
                      into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(pe.sizeOfImage)))
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        ldrError = Array(biosPEMessage(error).utf8)
        return LoaderBridgeStatus.failed.rawValue
    }
}

/// Bytes of the parameter block (with its callback block and function table) for `regions` regions.
@_cdecl("bios_bootapp_size")
public func biosBootAppSize(_ regions: Int) -> Int { BootAppParameters.Layout(regionCount: regions).total }

/// Builds the parameter block at `address` (bios_bootapp_size bytes): the image at
/// `imageBase`/`imageSize`, `count` regions [starts[i], ends[i]) the boot manager must leave
/// alone, the virtual disk's partition on `drive`, and the two callbacks.
@_cdecl("bios_bootapp_build")
public func biosBootAppBuild(_ address: UnsafeMutableRawPointer, _ imageBase: UInt32, _ imageSize: UInt32,
                             _ starts: UnsafePointer<UInt32>, _ ends: UnsafePointer<UInt32>, _ count: Int,
                             _ drive: UInt32, _ callInterrupt: UInt32, _ callReal: UInt32) -> Int32 {
    guard let disk = ldrDisk else { return LoaderBridgeStatus.range.rawValue }
    var regions: [BootAppMemoryRegion] = []
    for i in 0..<count { regions.append(BootAppParameters.region(start: UInt64(starts[i]), end: UInt64(ends[i]))) }
    let at = UInt32(UInt(bitPattern: address))
    let block = BootAppParameters.build(BootAppParameters.Inputs(
        address: at, imageBase: imageBase, imageSize: imageSize, regions: regions,
        partitionOffset: VirtualFatDisk<LoaderServedSource<LdrInputSource>>.partitionByteOffset,
        diskSignature: disk.diskSignature, drive: drive, callInterrupt: callInterrupt, callReal: callReal))
    block.withUnsafeBytes { address.copyMemory(from: $0.baseAddress!, byteCount: block.count) }
    return LoaderBridgeStatus.ok.rawValue
}

nonisolated(unsafe) var biosE820In: [E820Entry] = []
nonisolated(unsafe) var biosE820Kept: [ReservedRange] = []
nonisolated(unsafe) var biosE820Out: [E820Entry] = []

/// One entry of the BIOS's own map (in order).
@_cdecl("bios_e820_add")
public func biosE820Add(_ base: UInt64, _ length: UInt64, _ type: UInt32) {
    biosE820In.append(E820Entry(base: base, length: length, type: type))
}

/// Memory [start, end) the loader keeps, widened to whole pages.
@_cdecl("bios_e820_keep")
public func biosE820Keep(_ start: UInt64, _ end: UInt64) {
    let page: UInt64 = 4096
    biosE820Kept.append(ReservedRange(start: start / page * page, end: (end + page - 1) / page * page))
}

/// Makes the map the boot manager sees (BootCore E820Map.reserving); returns its entry count.
@_cdecl("bios_e820_build")
public func biosE820Build() -> Int {
    biosE820Out = E820Map.reserving(biosE820Kept, in: biosE820In)
    return biosE820Out.count
}

/// Entry `n` of the built map; 0 past the end.
@_cdecl("bios_e820_entry")
public func biosE820Entry(_ n: Int, _ base: UnsafeMutablePointer<UInt64>, _ length: UnsafeMutablePointer<UInt64>,
                          _ type: UnsafeMutablePointer<UInt32>) -> Int32 {
    guard n >= 0, n < biosE820Out.count else { return 0 }
    base.pointee = biosE820Out[n].base; length.pointee = biosE820Out[n].length; type.pointee = biosE820Out[n].type
    return 1
}
