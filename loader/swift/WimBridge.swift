// Files from a WIM image, for the C layer: the boot manager (and BCD, boot.sdi) when they were
// not supplied.  All parsing and decompression is BootCore's WIMArchive.

nonisolated(unsafe) var ldrWim: WIMArchive<LdrInputSource>? = nil
nonisolated(unsafe) var ldrImage: WIMImage? = nil

func ldrSetError(_ text: String) { ldrError = Array(text.utf8) }

/// Opens input `input` as a WIM and selects image `index` (0: none given; LoaderWimChoice).
@_cdecl("ldr_wim_open")
public func ldrWimOpen(_ input: Int32, _ size: UInt64, _ index: Int) -> Int32 {
    ldrWim = nil; ldrImage = nil
    do throws(WIMError) {
        let wim = try WIMArchive(source: LdrInputSource(index: input, count: size))
        if wim.info.hasSolidResources { throw WIMError.unsupported(.solidResource) }
        ldrImage = try wim.image(LoaderWimChoice.image(requested: index != 0 ? index : nil, bootIndex: wim.info.bootIndex))
        ldrWim = wim
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        ldrSetError(error.message)
        return LoaderBridgeStatus.failed.rawValue
    }
}

@_cdecl("ldr_wim_image_count")
public func ldrWimImageCount() -> Int { ldrWim?.info.imageCount ?? 0 }

/// A path from C (ASCII bytes) as the UTF-16 units WIMImage.lookup(utf16:) takes.
func ldrPath(_ path: UnsafePointer<UInt8>, _ length: Int) -> [UInt16] {
    UnsafeBufferPointer(start: path, count: length).map { UInt16($0) }
}

/// Size of file `path` (ASCII, `\` separators) in the selected image; -1 when absent, -2 on error.
@_cdecl("ldr_wim_file_size")
public func ldrWimFileSize(_ path: UnsafePointer<UInt8>, _ length: Int) -> Int64 {
    guard let image = ldrImage else { return -2 }
    do throws(WIMError) {
        let entry = try image.lookup(utf16: ldrPath(path, length))
        return entry.isDirectory ? -1 : Int64(entry.size)
    } catch {
        if error == .pathNotFound || error == .notADirectory { return -1 }
        ldrSetError(error.message)
        return -2
    }
}

/// Extracts file `path` whole into `buffer` (exactly its size).
@_cdecl("ldr_wim_file_read")
public func ldrWimFileRead(_ path: UnsafePointer<UInt8>, _ length: Int, _ buffer: UnsafeMutableRawPointer, _ size: UInt64) -> Int32 {
    guard let wim = ldrWim, let image = ldrImage else { return LoaderBridgeStatus.range.rawValue }
    do throws(WIMError) {
        let entry = try image.lookup(utf16: ldrPath(path, length))
        guard entry.size == size else { return LoaderBridgeStatus.range.rawValue }
        try wim.read(entry, at: 0, into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(size)))
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        ldrSetError(error.message)
        return LoaderBridgeStatus.failed.rawValue
    }
}
