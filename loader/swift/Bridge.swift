// The C-callable surface of the loader's Swift side (compiled together with BootCore into
// one Embedded Swift module).  The C layer talks to the firmware; layout and parsing are
// BootCore's.  Int32 results are BootCore's LoaderBridgeStatus (src/bridge.h: LDR_OK, LDR_E_*).

@_extern(c, "ldr_file_read")
func ldr_file_read(_ index: Int32, _ offset: UInt64, _ buffer: UnsafeMutableRawPointer, _ length: UInt64) -> Int32

/// An input file of the C layer (read in place from the boot device, or from memory).
struct LdrInputSource: ByteSource {
    let index: Int32
    let count: UInt64
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return true }
        return ldr_file_read(index, offset, base, UInt64(buffer.count)) == LoaderBridgeStatus.ok.rawValue
    }
}

nonisolated(unsafe) var ldrNames: [[UInt8]] = []        // the disk's files, in order (ldr_vdisk_add)
nonisolated(unsafe) var ldrSources: [LdrInputSource] = []
nonisolated(unsafe) var ldrInjection: LoaderInjection<LdrInputSource>? = nil
nonisolated(unsafe) var ldrDisk: VirtualFatDisk<LoaderServedSource<LdrInputSource>>? = nil
nonisolated(unsafe) var ldrError: [UInt8] = []   // last failure, one line (ldr_vdisk_error)

@_cdecl("ldr_vdisk_reset")
public func ldrVdiskReset() {
    ldrNames = []; ldrSources = []; ldrInjection = nil; ldrDisk = nil
}

/// Adds input file `index` (UTF-16 name without NUL) to the disk; -1 when the name is not
/// printable ASCII (FAT long names here are ASCII only; the caller skips such a file).
@_cdecl("ldr_vdisk_add")
public func ldrVdiskAdd(_ name: UnsafePointer<UInt16>, _ length: Int, _ size: UInt64, _ index: Int32) -> Int32 {
    var ascii: [UInt8] = []
    for unit in UnsafeBufferPointer(start: name, count: length) {
        guard unit >= 0x20 && unit < 0x7F else { return -1 }
        ascii.append(UInt8(unit))
    }
    ldrNames.append(ascii)
    ldrSources.append(LdrInputSource(index: index, count: size))
    return Int32(ldrNames.count - 1)
}

/// Lays the disk out, the WIM patched with the loose files unless `rawWim` (BootCore's
/// LoaderInjection; `index`: index=N, 0 none); on failure the reason is in ldr_vdisk_error.
@_cdecl("ldr_vdisk_build")
public func ldrVdiskBuild(_ rawWim: Int32, _ index: Int) -> Int32 {
    let injection = LoaderInjection(names: ldrNames, sources: ldrSources, rawWIM: rawWim != 0,
                                    index: index != 0 ? index : nil, loaderName: ldrLoaderName)
    ldrInjection = injection
    do throws(VirtualDiskError) {
        ldrDisk = try VirtualFatDisk(files: injection.files)
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        ldrError = Array(error.message.utf8)
        if case .fileTooLarge = error { return LoaderBridgeStatus.fileTooLarge.rawValue }
        return LoaderBridgeStatus.failed.rawValue
    }
}

/// Copies the last error message (ASCII, NUL-terminated, truncated to fit).
@_cdecl("ldr_vdisk_error")
public func ldrVdiskError(_ buffer: UnsafeMutablePointer<UInt8>, _ capacity: Int) {
    ldrCopy(ldrError, to: buffer, capacity: capacity)
}

@_cdecl("ldr_vdisk_disk_sectors")
public func ldrVdiskDiskSectors() -> UInt64 { ldrDisk?.sectorCount ?? 0 }

@_cdecl("ldr_vdisk_partition_start")
public func ldrVdiskPartitionStart() -> UInt64 { FatGeometry.partitionStart }

@_cdecl("ldr_vdisk_partition_sectors")
public func ldrVdiskPartitionSectors() -> UInt64 { ldrDisk?.geometry.partitionSectors ?? 0 }

/// Reads `length` bytes (whole sectors) from disk sector `lba` (BootCore reads a file's span
/// with one source read).
@_cdecl("ldr_vdisk_read")
public func ldrVdiskRead(_ lba: UInt64, _ buffer: UnsafeMutableRawPointer, _ length: UInt64) -> Int32 {
    guard let disk = ldrDisk, length % 512 == 0, lba <= disk.sectorCount,
          length / 512 <= disk.sectorCount - lba else { return LoaderBridgeStatus.range.rawValue }
    let done = disk.readSectors(lba, into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
    return (done ? LoaderBridgeStatus.ok : .read).rawValue
}

/// Patches a BCD in place for UEFI (BootCore's BcdExePatch); returns the number of paths changed.
@_cdecl("ldr_bcd_patch")
public func ldrBcdPatch(_ buffer: UnsafeMutableRawPointer, _ length: Int) -> Int {
    BcdExePatch.apply(to: UnsafeMutableRawBufferPointer(start: buffer, count: length))
}
