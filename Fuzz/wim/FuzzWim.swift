// libFuzzer target: the WIM reader over arbitrary bytes. Opens the archive, walks every
// image's tree (bounded: damaged offsets can form cycles) and reads every file through
// the chunked decoders. Any trap or sanitizer report is a bug; errors are fine.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWimOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = MemorySource(Array(UnsafeBufferPointer(start: data, count: size)))
    guard let archive = try? WIMArchive(source: source) else { return 0 }
    _ = try? archive.bootImage()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    for index in 1...max(1, min(archive.info.imageCount, 3)) {
        guard let image = try? archive.image(index) else { continue }
        _ = try? image.lookup("\\Windows\\System32/BOOT.wim")
        var visited = 0
        func walk(_ directory: WIMDirectoryEntry, depth: Int) {
            guard depth < 24, visited < 2000, let children = try? image.listDirectory(directory) else { return }
            for child in children {
                visited += 1
                if child.isDirectory {
                    walk(child, depth: depth + 1)
                    continue
                }
                // Read at most 1 MiB per file, 64 KiB at a time, plus one odd partial read.
                var offset: UInt64 = 0
                let limit = min(child.size, 1 << 20)
                while offset < limit {
                    let count = Int(min(UInt64(buffer.count), limit - offset))
                    let ok = buffer.withUnsafeMutableBytes { raw -> Bool in
                        (try? archive.read(child, at: offset, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]))) != nil
                    }
                    if !ok { break }
                    offset += UInt64(count)
                }
                if child.size > 3 {
                    buffer.withUnsafeMutableBytes { raw in
                        _ = try? archive.read(child, at: child.size / 2, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<1]))
                    }
                }
            }
        }
        walk(image.root, depth: 0)
    }
    return 0
}
