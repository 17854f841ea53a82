// The BIOS loader's own Swift side, compiled with BootCore and the UEFI loader's bridges that
// hold no UEFI code (swift/Bridge.swift: the virtual disk; swift/RulesBridge.swift: the command
// line). Here: the initrd as a newc cpio archive (BootCore's CpioReader) read in place from
// where the boot program put it (BootCore's RawBufferSource: never copied), and the BIOS boot
// manager rule.

nonisolated(unsafe) var biosCpioEntries: [CpioEntry] = []

/// Parses the initrd at `base` (`size` bytes) as newc cpio; on failure the reason is in
/// ldr_vdisk_error (one line) and the result is LDR_E_FAILED.
@_cdecl("bios_cpio_parse")
public func biosCpioParse(_ base: UnsafeRawPointer, _ size: UInt32) -> Int32 {
    do throws(CpioError) {
        biosCpioEntries = try CpioReader.entries(of: RawBufferSource(UnsafeRawBufferPointer(start: base, count: Int(size))))
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        ldrError = Array(error.message.utf8)
        return LoaderBridgeStatus.failed.rawValue
    }
}

/// Member `n` of the parsed initrd: its name (bytes, NUL-terminated, cut to fit) in `name`,
/// its data's offset in the initrd and its size. Returns 1 a regular file, 0 another kind
/// (directory, link), -1 past the last.
@_cdecl("bios_cpio_entry")
public func biosCpioEntry(_ n: Int, _ name: UnsafeMutablePointer<UInt8>, _ capacity: Int,
                          _ offset: UnsafeMutablePointer<UInt32>, _ size: UnsafeMutablePointer<UInt32>) -> Int32 {
    guard n >= 0, n < biosCpioEntries.count else { return -1 }
    let entry = biosCpioEntries[n]
    ldrCopy(Array(entry.name.utf8), to: name, capacity: capacity)
    offset.pointee = UInt32(truncatingIfNeeded: entry.dataOffset)
    size.pointee = UInt32(truncatingIfNeeded: entry.size)
    return entry.isRegularFile ? 1 : 0
}

/// Where bootmgr.exe comes from first (BootCore's LoaderBiosFiles.bootManagerSources): sets
/// `input` and returns 1 supplied (input is bootmgr.exe), 2 to be extracted from input (a PCAT
/// bootmgr; the WIM's is the fallback), 0 from the WIM.
@_cdecl("bios_boot_manager_source")
public func biosBootManagerSource(_ input: UnsafeMutablePointer<Int32>) -> Int32 {
    input.pointee = -1
    switch LoaderBiosFiles.bootManagerSources(among: ldrInputNames()).first {
    case .supplied(let index): input.pointee = Int32(index); return 1
    case .extracted(let index): input.pointee = Int32(index); return 2
    default: return 0
    }
}

/// Decodes the bootmgr.exe a PCAT bootmgr (`file`, `size` bytes, in place) embeds into
/// `output` (`capacity` bytes; BootCore BootmgrImage). Sets its size, the stream's offset in the
/// file and its format (1 LZNT1, 2 XCA); on failure the reason is in ldr_vdisk_error.
@_cdecl("bios_bootmgr_extract")
public func biosBootmgrExtract(_ file: UnsafeRawPointer, _ size: UInt32, _ output: UnsafeMutableRawPointer, _ capacity: UInt32,
                               _ imageSize: UnsafeMutablePointer<UInt32>, _ offset: UnsafeMutablePointer<UInt32>,
                               _ format: UnsafeMutablePointer<Int32>) -> Int32 {
    do throws(BootmgrImage.Failure) {
        let found = try BootmgrImage.extract(UnsafeRawBufferPointer(start: file, count: Int(size)),
                                             into: UnsafeMutableRawBufferPointer(start: output, count: Int(capacity)))
        imageSize.pointee = UInt32(found.size)
        offset.pointee = UInt32(found.offset)
        format.pointee = found.format == .lznt1 ? 1 : 2
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        ldrError = Array(error.message.utf8)
        return LoaderBridgeStatus.failed.rawValue
    }
}

/// Entry `slot` of the files the BIOS loader takes from the WIM (BootCore LoaderBiosFiles),
/// when the inputs lack it: copies its path (ASCII) and served name, NUL-terminated and cut to
/// fit. Returns 1 wanted, 2 the boot manager (wanted), 3 wanted if the WIM has it (the boot
/// manager beside a supplied bootmgr), 0 not wanted, -1 past the last.
@_cdecl("bios_wim_wanted")
public func biosWimWanted(_ slot: Int, _ path: UnsafeMutablePointer<UInt8>, _ pathCapacity: Int,
                          _ name: UnsafeMutablePointer<UInt8>, _ nameCapacity: Int) -> Int32 {
    guard slot >= 0, slot < LoaderBiosFiles.all.count else { return -1 }
    let file = LoaderBiosFiles.all[slot]
    let inputs = ldrInputNames()
    guard LoaderBiosFiles.isWanted(file, inputs: inputs) else { return 0 }
    ldrCopy(Array(file.path.utf8), to: path, capacity: pathCapacity)
    ldrCopy(Array(file.name.utf8), to: name, capacity: nameCapacity)
    return LoaderBiosFiles.isOptional(file, inputs: inputs) ? 3 : file.isBootManager ? 2 : 1
}
