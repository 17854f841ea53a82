/// What the header says about a WIM.
public struct WIMInfo: Equatable, Sendable {
    public var imageCount: Int
    /// 1-based index of the bootable image, 0 when none.
    public var bootIndex: Int
    public var compression: WIMCompression
    /// Uncompressed chunk size of compressed resources.
    public var chunkSize: Int
    public var version: UInt32
    public var flags: UInt32
    public var partNumber: Int
    public var totalParts: Int
    /// Number of blobs (file contents) in the blob table.
    public var blobCount: Int
    /// True when some blob lives in a solid resource (unsupported for reading).
    public var hasSolidResources: Bool
}

/// Read-only access to a WIM archive over any ByteSource: header, blob table, images,
/// and file contents through the chunked, compressed resources.
public final class WIMArchive<Source: ByteSource> {
    public let source: Source
    public let info: WIMInfo
    let blobs: BlobTable
    let xmlData: ResourceHeader
    /// Where the blob table lies (the injector re-reads it raw to rewrite it).
    let blobTableResource: ResourceHeader
    private var reader: ChunkedResourceReader
    /// Largest metadata resource accepted (it is decompressed whole into memory).
    public static var maximumMetadataSize: UInt64 { 1 << 30 }

    public init(source: Source) throws(WIMError) {
        self.source = source
        let headerBytes = source.bytes(at: 0, length: Int(min(source.count, UInt64(WIMHeader.byteCount)))) ?? []
        let header = try WIMHeader(headerBytes)
        guard !header.isSpanned else { throw .unsupported(.spannedArchive) }
        var reader = try ChunkedResourceReader(compression: header.compression, chunkSize: header.chunkSize)

        let table = header.blobTable
        guard table.fits(in: source.count) else { throw .truncated(.blobTable) }
        guard table.uncompressedSize <= source.count * 64 + 4096 else { throw .corrupt(.blobTable) }
        var tableBytes = [UInt8](repeating: 0, count: Int(table.uncompressedSize))
        let failure = tableBytes.withUnsafeMutableBytes { raw -> WIMError? in
            do throws(WIMError) { try reader.read(source, table, at: 0, into: raw); return nil } catch { return error }
        }
        if let failure { throw failure }
        blobs = try BlobTable(tableBytes)
        xmlData = header.xmlData
        blobTableResource = table
        self.reader = reader

        var solid = false
        for blob in blobs.blobs where blob.resource.isSolid { solid = true; break }
        info = WIMInfo(
            imageCount: header.imageCount, bootIndex: header.bootIndex, compression: header.compression,
            chunkSize: header.chunkSize, version: header.version, flags: header.flags,
            partNumber: Int(header.partNumber), totalParts: Int(header.totalParts),
            blobCount: blobs.blobs.count, hasSolidResources: solid)
    }

    /// Image `index` (1-based).
    public func image(_ index: Int) throws(WIMError) -> WIMImage {
        guard index >= 1, index <= info.imageCount, index <= blobs.metadataResources.count else {
            throw .imageNotFound(index)
        }
        let resource = blobs.metadataResources[index - 1].resource
        // Bound the allocation by what the stored bytes could plausibly expand to.
        guard resource.uncompressedSize <= Self.maximumMetadataSize,
              resource.uncompressedSize / 1024 <= resource.sizeInWIM,
              resource.uncompressedSize >= 8
        else { throw .corrupt(.metadataResource) }
        let metadata = try readResource(resource)
        return try WIMImage(index: index, metadata: metadata, blobs: blobs)
    }

    /// Image names from the XML data, index 0 = image 1 ("" when absent or unreadable).
    public func imageNames() -> [String] {
        let xml = xmlData
        guard xml.uncompressedSize <= WIMXMLData.maximumSize,
              ChunkedResourceReader.isPlausible(xml, chunkSize: info.chunkSize),
              let bytes = try? readResource(xml)
        else { return [String](repeating: "", count: info.imageCount) }
        return WIMXMLData.imageNames(bytes, count: info.imageCount)
    }

    /// The image the header's boot index names.
    public func bootImage() throws(WIMError) -> WIMImage {
        guard info.bootIndex != 0 else { throw .noBootImage }
        return try image(info.bootIndex)
    }

    /// Copies `buffer.count` bytes of `entry`'s data from `offset` into `buffer`.
    public func read(_ entry: WIMDirectoryEntry, at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws(WIMError) {
        guard !entry.isDirectory else { throw .isADirectory }
        guard !entry.isMissingData else { throw .corrupt(.missingBlob) }
        if let blob = entry.blob, blob.resource.isSolid { throw .unsupported(.solidResource) }
        guard offset <= entry.size, UInt64(buffer.count) <= entry.size - offset else { throw .corrupt(.resource) }
        if buffer.isEmpty { return }
        guard let blob = entry.blob else { throw .corrupt(.missingBlob) }
        try reader.read(source, blob.resource, at: offset, into: buffer)
    }

    /// The whole content of `entry`.
    public func readAll(_ entry: WIMDirectoryEntry) throws(WIMError) -> [UInt8] {
        guard !entry.isDirectory else { throw .isADirectory }
        guard !entry.isMissingData else { throw .corrupt(.missingBlob) }
        if let blob = entry.blob, blob.resource.isSolid { throw .unsupported(.solidResource) }
        guard let blob = entry.blob, entry.size > 0 else { return [] }
        guard ChunkedResourceReader.isPlausible(blob.resource, chunkSize: info.chunkSize),
              entry.size <= UInt64(Int.max)
        else { throw .corrupt(.resource) }
        var bytes = [UInt8](repeating: 0, count: Int(entry.size))
        let failure = bytes.withUnsafeMutableBytes { raw -> WIMError? in
            do throws(WIMError) { try read(entry, at: 0, into: raw); return nil } catch { return error }
        }
        if let failure { throw failure }
        return bytes
    }

    func readResource(_ resource: ResourceHeader) throws(WIMError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(resource.uncompressedSize))
        let failure = bytes.withUnsafeMutableBytes { raw -> WIMError? in
            do throws(WIMError) { try reader.read(source, resource, at: 0, into: raw); return nil } catch { return error }
        }
        if let failure { throw failure }
        return bytes
    }
}
