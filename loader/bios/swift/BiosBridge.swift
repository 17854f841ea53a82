// The BIOS loader's own Swift side, compiled with BootCore and the UEFI loader's bridges that
// hold no UEFI code (swift/Bridge.swift: the virtual disk; swift/RulesBridge.swift: the command
// line). Here: the initrd as a newc cpio archive (BootCore's CpioReader) read in place from
// where the boot program put it, and the BIOS boot manager rule.

/// Bytes in memory at a fixed address (the initrd, left by the boot program): never copied.
struct BiosMemorySource: ByteSource {
    let base: UnsafeRawPointer
    let count: UInt64
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
        guard let to = buffer.baseAddress, buffer.count > 0 else { return true }
        to.copyMemory(from: base + Int(offset), byteCount: buffer.count)
        return true
    }
}

nonisolated(unsafe) var biosCpioEntries: [CpioEntry] = []

/// Parses the initrd at `base` (`size` bytes) as newc cpio; on failure the reason is in
/// ldr_vdisk_error (one line) and the result is LDR_E_FAILED.
@_cdecl("bios_cpio_parse")
public func biosCpioParse(_ base: UnsafeRawPointer, _ size: UInt32) -> Int32 {
    do throws(CpioError) {
        biosCpioEntries = try CpioReader.entries(of: BiosMemorySource(base: base, count: UInt64(size)))
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

/// Where bootmgr.exe comes from (BootCore's LoaderBiosBootManager): sets `input` and returns
/// 1 supplied (input is bootmgr.exe), 2 compressed (input is bootmgr), 0 from the WIM.
@_cdecl("bios_boot_manager_source")
public func biosBootManagerSource(_ input: UnsafeMutablePointer<Int32>) -> Int32 {
    switch LoaderBiosBootManager.source(among: ldrInputNames()) {
    case .supplied(let index): input.pointee = Int32(index); return 1
    case .compressed(let index): input.pointee = Int32(index); return 2
    case .fromWIM: input.pointee = -1; return 0
    }
}
