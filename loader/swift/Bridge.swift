// The C-callable surface of the loader's Swift side.  The C layer talks to the firmware; all
// layout and parsing decisions are made here.  Return codes: 0 = success, else an LDR_E_*
// value from src/bridge.h.

@_extern(c, "ldr_file_read")
func ldr_file_read(_ index: Int32, _ offset: UInt64, _ buffer: UnsafeMutableRawPointer, _ length: UInt64) -> Int32

struct LdrCFiles: LdrFileReader {
    func read(file index: Int, at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        return ldr_file_read(Int32(index), offset, base, UInt64(buffer.count)) == 0
    }
}

nonisolated(unsafe) var ldrNames: [[UInt16]] = []
nonisolated(unsafe) var ldrSizes: [UInt64] = []
nonisolated(unsafe) var ldrDisk: LdrVirtualFat? = nil

@_cdecl("ldr_vdisk_reset")
public func ldrVdiskReset() {
    ldrNames = []; ldrSizes = []; ldrDisk = nil
}

/// Adds a file (UTF-16 name without NUL); returns its index.
@_cdecl("ldr_vdisk_add")
public func ldrVdiskAdd(_ name: UnsafePointer<UInt16>, _ length: Int, _ size: UInt64) -> Int32 {
    ldrNames.append(Array(UnsafeBufferPointer(start: name, count: length)))
    ldrSizes.append(size)
    return Int32(ldrNames.count - 1)
}

@_cdecl("ldr_vdisk_build")
public func ldrVdiskBuild() -> Int32 {
    do throws(LdrFatError) {
        ldrDisk = try LdrVirtualFat(names: ldrNames, sizes: ldrSizes)
        return 0
    } catch {
        switch error {
        case .fileTooLarge: return 1
        case .tooManyFiles: return 2
        case .readFailed: return 3
        }
    }
}

@_cdecl("ldr_vdisk_disk_sectors")
public func ldrVdiskDiskSectors() -> UInt64 { ldrDisk?.diskSectors ?? 0 }

@_cdecl("ldr_vdisk_partition_start")
public func ldrVdiskPartitionStart() -> UInt64 { LdrVirtualFat.partitionStart }

@_cdecl("ldr_vdisk_partition_sectors")
public func ldrVdiskPartitionSectors() -> UInt64 { ldrDisk?.partitionSectors ?? 0 }

/// Reads `length` bytes (whole sectors) from disk sector `lba`.
@_cdecl("ldr_vdisk_read")
public func ldrVdiskRead(_ lba: UInt64, _ buffer: UnsafeMutableRawPointer, _ length: UInt64) -> Int32 {
    guard let disk = ldrDisk, length % 512 == 0, lba <= disk.diskSectors,
          length / 512 <= disk.diskSectors - lba else { return 4 }
    let out = UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))
    return disk.read(lba: lba, into: out, reader: LdrCFiles()) ? 0 : 3
}
