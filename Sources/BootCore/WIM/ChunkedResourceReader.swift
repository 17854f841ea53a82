/// Reads byte ranges of (non-solid) WIM resources.
///
/// A compressed resource of uncompressed size U is cut into chunks of `chunkSize` bytes
/// (the last one shorter), each compressed on its own. It starts with a chunk table of
/// n-1 entries for n chunks (chunk 0 implicitly starts at 0): entry i-1 is the start of
/// chunk i relative to the end of the table; entries are 64-bit when U > 4 GiB, else
/// 32-bit. A chunk whose stored size equals its uncompressed size is stored raw.
struct ChunkedResourceReader {
    let compression: WIMCompression
    let chunkSize: Int
    private var xpress = XpressDecoder()
    private var lzx: LzxDecoder?
    private var compressed: [UInt8]
    /// The last chunk decoded for a partial read.
    private var cache: [UInt8]
    private var cachedResource: UInt64 = .max
    private var cachedChunk: Int = -1

    init(compression: WIMCompression, chunkSize: Int) throws(WIMError) {
        self.compression = compression
        self.chunkSize = chunkSize
        if compression == .lzx {
            do { lzx = try LzxDecoder(chunkSize: chunkSize) } catch { throw .unsupported(.chunkSize) }
        }
        compressed = [UInt8](repeating: 0, count: compression == .none ? 0 : chunkSize)
        cache = [UInt8](repeating: 0, count: compression == .none ? 0 : chunkSize)
    }

    /// Whether a resource's uncompressed size is possible for its stored size: raw data
    /// is stored whole; each compressed chunk costs at least a table entry and one byte.
    /// Lets callers refuse absurd sizes before allocating.
    static func isPlausible(_ resource: ResourceHeader, chunkSize: Int) -> Bool {
        if !resource.isCompressed { return resource.uncompressedSize <= resource.sizeInWIM }
        let maxChunks = resource.sizeInWIM / 5 + 1
        return resource.uncompressedSize / UInt64(chunkSize) <= maxChunks
    }

    /// Copies `buffer.count` bytes of the resource's uncompressed content, from `offset`.
    mutating func read<Source: ByteSource>(
        _ source: Source, _ resource: ResourceHeader, at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer
    ) throws(WIMError) {
        if resource.isSolid { throw .unsupported(.solidResource) }
        if buffer.isEmpty { return }
        guard offset <= resource.uncompressedSize,
              UInt64(buffer.count) <= resource.uncompressedSize - offset
        else { throw .corrupt(.resource) }
        guard resource.fits(in: source.count) else { throw .truncated(.resource) }

        if !resource.isCompressed {
            guard resource.sizeInWIM >= resource.uncompressedSize else { throw .corrupt(.resource) }
            guard source.read(at: resource.offset + offset, into: buffer) else { throw .truncated(.resource) }
            return
        }
        switch compression {
        case .none: throw .corrupt(.resource)  // compressed resource in an uncompressed WIM
        case .lzms: throw .unsupported(.lzmsCompression)
        case .xpress, .lzx: break
        }

        let total = resource.uncompressedSize
        let chunk = UInt64(chunkSize)
        let chunkCount = total / chunk + (total % chunk == 0 ? 0 : 1)
        let entrySize: UInt64 = total > 1 << 32 ? 8 : 4
        guard chunkCount > 0, chunkCount - 1 <= resource.sizeInWIM / entrySize else { throw .corrupt(.chunkTable) }
        let tableSize = (chunkCount - 1) * entrySize
        let dataStart = resource.offset + tableSize
        let dataSize = resource.sizeInWIM - tableSize

        var written = 0
        var position = offset
        while written < buffer.count {
            let index = position / chunk
            let inChunk = Int(position % chunk)
            let chunkLength = Int(min(chunk, total - index * chunk))
            let take = min(chunkLength - inChunk, buffer.count - written)
            let destination = UnsafeMutableRawBufferPointer(rebasing: buffer[written..<(written + take)])
            if inChunk == 0 && take == chunkLength {
                // Whole chunk wanted: decode straight into the caller's buffer.
                try decodeChunk(source, index: index, count: chunkCount, length: chunkLength,
                                table: resource.offset, entrySize: entrySize,
                                dataStart: dataStart, dataSize: dataSize, into: destination)
            } else {
                if cachedResource != resource.offset || cachedChunk != Int(index) {
                    cachedResource = .max
                    var cache = self.cache
                    self.cache = []
                    defer { self.cache = cache }
                    // (Array's closure methods are rethrows, not typed: carry the error out.)
                    let failure = cache.withUnsafeMutableBytes { whole -> WIMError? in
                        do throws(WIMError) {
                            try decodeChunk(source, index: index, count: chunkCount, length: chunkLength,
                                            table: resource.offset, entrySize: entrySize,
                                            dataStart: dataStart, dataSize: dataSize,
                                            into: UnsafeMutableRawBufferPointer(rebasing: whole[0..<chunkLength]))
                            return nil
                        } catch { return error }
                    }
                    if let failure { throw failure }
                    cachedResource = resource.offset
                    cachedChunk = Int(index)
                }
                cache.withUnsafeBytes { whole in
                    destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: whole[inChunk..<(inChunk + take)]))
                }
            }
            written += take
            position += UInt64(take)
        }
    }

    /// Reads chunk `index`'s stored bytes and decodes exactly `length` bytes into `output`.
    private mutating func decodeChunk<Source: ByteSource>(
        _ source: Source, index: UInt64, count: UInt64, length: Int,
        table: UInt64, entrySize: UInt64, dataStart: UInt64, dataSize: UInt64,
        into output: UnsafeMutableRawBufferPointer
    ) throws(WIMError) {
        let start = index == 0 ? 0 : try tableEntry(source, table + (index - 1) * entrySize, entrySize)
        let end = index == count - 1 ? dataSize : try tableEntry(source, table + index * entrySize, entrySize)
        guard start < end, end <= dataSize else { throw .corrupt(.chunkTable) }
        let stored = end - start
        guard stored <= UInt64(length) else { throw .corrupt(.chunkTable) }
        if stored == UInt64(length) {
            guard source.read(at: dataStart + start, into: output) else { throw .truncated(.chunk) }
            return
        }
        let storedCount = Int(stored)
        var compressed = self.compressed
        self.compressed = []
        defer { self.compressed = compressed }
        let ok = compressed.withUnsafeMutableBytes { whole in
            source.read(at: dataStart + start, into: UnsafeMutableRawBufferPointer(rebasing: whole[0..<storedCount]))
        }
        guard ok else { throw .truncated(.chunk) }
        let failure = compressed.withUnsafeBytes { whole -> DecompressionError? in
            let input = UnsafeRawBufferPointer(rebasing: whole[0..<storedCount])
            do throws(DecompressionError) {
                if compression == .lzx {
                    try lzx!.decompress(input, into: output)
                } else {
                    try xpress.decompress(input, into: output)
                }
                return nil
            } catch { return error }
        }
        if let failure { throw .decompression(failure) }
    }

    private func tableEntry<Source: ByteSource>(_ source: Source, _ at: UInt64, _ size: UInt64) throws(WIMError) -> UInt64 {
        var value: UInt64 = 0
        let ok = withUnsafeMutableBytes(of: &value) { raw in
            source.read(at: at, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<Int(size)]))
        }
        guard ok else { throw .truncated(.chunkTable) }
        return UInt64(littleEndian: value)
    }
}
