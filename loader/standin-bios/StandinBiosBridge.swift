// The BIOS stand-in's Swift side: BootCore reads the boot application parameter block, picks
// memory from the E820 map (E820Map), and reads the FAT file system on the emulated drive
// (FatReader), whose sectors come from C's INT 13h reads (sb_disk_read). Compiled with BootCore
// and the UEFI stand-in's BCD and WIM bridges (loader/standin/*.swift) for i686.

@_extern(c, "sb_disk_read")
func sb_disk_read(_ lba: UInt64, _ count: UInt32, _ buffer: UnsafeMutableRawPointer) -> Int32

/// The emulated drive, through INT 13h.
struct BiosDrive: FatSectorReader {
    func readSectors(_ lba: UInt64, count: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard count >= 0, buffer.count >= count * 512, let base = buffer.baseAddress else { return false }
        return count == 0 || sb_disk_read(lba, UInt32(count), base) == 0
    }
}

nonisolated(unsafe) var biosReceived: BootAppReceived? = nil
nonisolated(unsafe) var biosVolume: FatReader<BiosDrive>? = nil
nonisolated(unsafe) var biosKept: [UInt8] = []
nonisolated(unsafe) var biosWholeSizes: [UInt32] = []
nonisolated(unsafe) var biosWim: FatFileMap? = nil

/// Reads the parameter block: 0 and out[0..5] = callback block address, partition byte offset,
/// disk signature, region count, image base, image size; 1 with the reason in standin_bcd_text(4).
@_cdecl("sb_params")
public func sbParams(_ block: UnsafePointer<UInt8>, _ size: UInt32, _ out: UnsafeMutablePointer<UInt32>) -> Int32 {
    let n = Int(min(size, 64 * 1024))
    do throws(BootAppParametersError) {
        let got = try BootAppParameters.read(Array(UnsafeBufferPointer(start: block, count: max(n, BootAppParameters.Header.length))))
        biosReceived = got
        out[0] = got.callbackAddress; out[1] = got.partitionOffset; out[2] = got.diskSignature
        out[3] = UInt32(got.regions.count); out[4] = UInt32(truncatingIfNeeded: got.imageBase); out[5] = got.imageSize
        return 0
    } catch {
        standinMessage = error.message
        return 1
    }
}

/// Region `index` of the parameter block: out[0] start address (low 32 bits), out[1] pages, out[2] type.
@_cdecl("sb_region")
public func sbRegion(_ index: UInt32, _ out: UnsafeMutablePointer<UInt32>) {
    guard let regions = biosReceived?.regions, Int(index) < regions.count else { return }
    let r = regions[Int(index)]
    out[0] = UInt32(truncatingIfNeeded: r.startPage * 4096); out[1] = UInt32(truncatingIfNeeded: r.pageCount); out[2] = r.type
}

/// The memory the application must not touch: the parameter block's regions.
func reservedByParameters() -> [ReservedRange] {
    (biosReceived?.regions ?? []).map { ReservedRange(start: $0.startPage * 4096, end: ($0.startPage + $0.pageCount) * 4096) }
}

/// A first buffer for BIOS calls (the E820 call itself): the highest 4 KiB page below the top of
/// conventional memory INT 12h reports, at or above 4 KiB, that no parameter-block region covers.
@_cdecl("sb_low_buffer")
public func sbLowBuffer(_ lowKiB: UInt32) -> UInt32 {
    let taken = reservedByParameters()
    var page = (UInt64(min(lowKiB, 640)) * 1024) & ~0xFFF
    while page >= 0x2000 {
        page -= 0x1000
        if !taken.contains(where: { $0.start < page + 0x1000 && $0.end > page }) { return UInt32(page) }
    }
    return 0
}

/// From the E820 map (20-byte entries) with the parameter block's regions and our own image
/// taken out: out[0], out[1] the heap, the largest usable range from 1 MiB to 4 GiB; out[2] the
/// BIOS buffer, the highest 4 KiB-aligned 64 KiB of usable conventional memory (from 4 KiB, below
/// 640 KiB). 1 when either is missing.
@_cdecl("sb_heap")
public func sbHeap(_ entries: UnsafePointer<UInt8>, _ count: UInt32, _ imageStart: UInt32, _ imageEnd: UInt32,
                   _ out: UnsafeMutablePointer<UInt32>) -> Int32 {
    let raw = Array(UnsafeBufferPointer(start: entries, count: Int(count) * 20))
    var map: [E820Entry] = []
    for i in 0..<Int(count) {
        map.append(E820Entry(base: raw.le64(at: i * 20) ?? 0, length: raw.le64(at: i * 20 + 8) ?? 0, type: raw.le32(at: i * 20 + 16) ?? 0))
    }
    let taken = reservedByParameters() + [ReservedRange(start: UInt64(imageStart), end: UInt64(imageEnd)),
                                          ReservedRange(start: 0, end: 0x1000)]
    let free = E820Map.reserving(taken, in: map).filter { $0.type == E820Entry.usable }
    var best: (UInt64, UInt64) = (0, 0)
    var low: UInt64 = 0
    for e in free {
        let lo = max(e.base, 1 << 20), hi = min(e.end, 0xFFFF_F000)
        if hi > lo && hi - lo > best.1 - best.0 { best = (lo, hi) }
        let top = min(e.end, 0xA0000) & ~0xFFF
        if top >= e.base + 0x10000, top - 0x10000 >= ((e.base + 0xFFF) & ~0xFFF), top - 0x10000 > low { low = top - 0x10000 }
    }
    guard best.1 - best.0 >= 4 << 20, low != 0 else { return 1 }
    out[0] = UInt32(best.0); out[1] = UInt32(best.1); out[2] = UInt32(low)
    return 0
}

/// Mounts the drive's FAT partition: out[0] 1 for FAT32, out[1] the volume's first sector.
@_cdecl("sb_mount")
public func sbMount(_ out: UnsafeMutablePointer<UInt32>) -> Int32 {
    do throws(FatReadError) {
        let volume = try FatReader(BiosDrive())
        biosVolume = volume
        out[0] = volume.isFat32 ? 1 : 0
        out[1] = UInt32(truncatingIfNeeded: volume.volumeStart)
        return 0
    } catch {
        standinMessage = error.message
        return 1
    }
}

func text(_ path: UnsafePointer<CChar>, _ length: UInt32) -> String {
    path.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self) }
}

@_extern(c, "crc32_update")
func crc32Update(_ crc: UInt32, _ data: UnsafeRawPointer?, _ length: UInt) -> UInt32

/// Reads a whole file: 0 with its size and CRC-32 (and its bytes kept when `keep`), 1 missing
/// (or a directory), 2 a read error (standin_bcd_text(4) says why), 3 a file over 64 MiB of the
/// size of one already read whole (a mirror: not read again).
@_cdecl("sb_file")
public func sbFile(_ path: UnsafePointer<CChar>, _ length: UInt32, _ size: UnsafeMutablePointer<UInt64>,
                   _ crc: UnsafeMutablePointer<UInt32>, _ keep: Int32) -> Int32 {
    guard let volume = biosVolume else { return 2 }
    do throws(FatReadError) {
        let node = try volume.lookup(text(path, length))
        if node.isDirectory { return 1 }
        size.pointee = UInt64(node.size)
        if keep == 0 && node.size > 64 << 20 {
            if biosWholeSizes.contains(node.size) { return 3 }
            biosWholeSizes.append(node.size)
        }
        var sum: UInt32 = 0
        let keepBytes = keep != 0 && node.size < 64 << 20
        if keepBytes { biosKept = []; biosKept.reserveCapacity(Int(node.size)) }
        try volume.forEachChunk(node) { chunk in
            sum = crc32Update(sum, chunk.baseAddress, UInt(chunk.count))
            if keepBytes { biosKept.append(contentsOf: chunk) }
        }
        crc.pointee = sum
        return 0
    } catch {
        if error == .notFound || error == .notADirectory { return 1 }
        standinMessage = error.message
        return 2
    }
}

/// UTF-16LE ".exe\0" and ".efi\0" in the kept file (a BCD names its loaders with them).
@_cdecl("sb_kept_counts")
public func sbKeptCounts(_ exe: UnsafeMutablePointer<UInt32>, _ efi: UnsafeMutablePointer<UInt32>) {
    func count(_ ext: [UInt8]) -> UInt32 {
        let b = biosKept
        var hits: UInt32 = 0
        var i = 0
        while i + 10 <= b.count {
            defer { i += 1 }
            guard b[i] == 0x2E, b[i + 1] == 0, b[i + 8] == 0, b[i + 9] == 0 else { continue }
            var ok = true
            for k in 0..<3 {
                var c = b[i + 2 + 2 * k]
                if c >= 0x41 && c <= 0x5A { c += 0x20 }
                if c != ext[k] || b[i + 3 + 2 * k] != 0 { ok = false }
            }
            if ok { hits += 1 }
        }
        return hits
    }
    exe.pointee = count(Array("exe".utf8))
    efi.pointee = count(Array("efi".utf8))
}

/// BootCore's BCD resolver (StandinBridge.swift) on the kept file.
@_cdecl("sb_kept_follow")
public func sbKeptFollow() -> Int32 {
    let bytes = biosKept
    if bytes.isEmpty { standinMessage = "the BCD is empty"; return 1 }
    return bytes.withUnsafeBufferPointer { standinBcdFollow($0.baseAddress!, UInt64($0.count)) }
}

/// 0 when `path` names a file or directory.
@_cdecl("sb_exists")
public func sbExists(_ path: UnsafePointer<CChar>, _ length: UInt32) -> Int32 {
    guard let volume = biosVolume else { return 1 }
    do throws(FatReadError) { _ = try volume.lookup(text(path, length)); return 0 } catch { return 1 }
}

/// Opens the WIM for StandinWim.swift's reads (standin_wim_read -> sb_wim_read).
@_cdecl("sb_wim_open")
public func sbWimOpen(_ path: UnsafePointer<CChar>, _ length: UInt32, _ size: UnsafeMutablePointer<UInt64>) -> Int32 {
    guard let volume = biosVolume else { return 1 }
    do throws(FatReadError) {
        let map = try volume.runs(try volume.lookup(text(path, length)))
        biosWim = map
        size.pointee = map.size
        return 0
    } catch {
        standinMessage = error.message
        return 1
    }
}

@_cdecl("sb_wim_read")
public func sbWimRead(_ offset: UInt64, _ buffer: UnsafeMutableRawPointer, _ length: UInt64) -> Int32 {
    guard let volume = biosVolume, let map = biosWim else { return 1 }
    do throws(FatReadError) {
        try volume.read(map, at: offset, into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
        return 0
    } catch {
        return 1
    }
}
