// The stand-in looks inside the ramdisk WIM, as the boot manager does once the image is in
// memory: does the boot image hold the OS loader the entry names? BootCore's WIMArchive reads
// the WIM through `standin_wim_read`, which the C side serves from the file on the partition.

@_extern(c, "standin_wim_read")
func standin_wim_read(_ offset: UInt64, _ buffer: UnsafeMutableRawPointer, _ length: UInt64) -> Int32

/// The WIM the C side has open, `count` bytes long.
struct StandinWimFile: ByteSource {
    let count: UInt64
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
        return buffer.isEmpty || standin_wim_read(offset, buffer.baseAddress!, UInt64(buffer.count)) == 0
    }
}

/// Looks up the ASCII `path` in the WIM's boot image (image 1 without a boot index):
/// 0 a file, 1 missing or a directory, 2 the WIM cannot be read (standin_bcd_text(4) says why).
@_cdecl("standin_wim_lookup")
public func standinWimLookup(_ size: UInt64, _ path: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
    let name = String(decoding: UnsafeBufferPointer(start: path, count: length), as: UTF8.self)
    do throws(WIMError) {
        let wim = try WIMArchive(source: StandinWimFile(count: size))
        let image = try wim.image(LoaderWimChoice.image(requested: nil, bootIndex: wim.info.bootIndex))
        return try image.lookup(name).isDirectory ? 1 : 0
    } catch {
        if error == .pathNotFound || error == .notADirectory { return 1 }
        standinMessage = error.message
        return 2
    }
}

@_extern(c, "crc32_update")
func crc32_update(_ crc: UInt32, _ data: UnsafeRawPointer?, _ length: UInt) -> UInt32

/// Reads file `path` (ASCII) of the WIM's boot image, as WinPE would see it (an injected file
/// included): 0 with its size and CRC-32 in `fileSize`/`crc`, 1 absent (or a directory), 2 the
/// WIM cannot be read (standin_bcd_text(4) says why).
@_cdecl("standin_wim_file")
public func standinWimFile(_ size: UInt64, _ path: UnsafePointer<UInt8>, _ length: Int,
                           _ fileSize: UnsafeMutablePointer<UInt64>, _ crc: UnsafeMutablePointer<UInt32>) -> Int32 {
    let name = String(decoding: UnsafeBufferPointer(start: path, count: length), as: UTF8.self)
    do throws(WIMError) {
        let wim = try WIMArchive(source: StandinWimFile(count: size))
        let image = try wim.image(LoaderWimChoice.image(requested: nil, bootIndex: wim.info.bootIndex))
        let entry = try image.lookup(name)
        if entry.isDirectory { return 1 }
        let bytes = try wim.readAll(entry)   // small files (startnet.cmd)
        crc.pointee = bytes.withUnsafeBytes { crc32_update(0, $0.baseAddress, UInt($0.count)) }
        fileSize.pointee = entry.size
        return 0
    } catch {
        if error == .pathNotFound || error == .notADirectory { return 1 }
        standinMessage = error.message
        return 2
    }
}
