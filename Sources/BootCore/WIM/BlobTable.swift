/// One entry of the blob ("lookup") table, 50 bytes: resource header (24),
/// part number (u16 at 24), reference count (u32 at 26), SHA-1 (20 at 30).
public struct BlobEntry: Equatable, Sendable {
    static let byteCount = 50

    public var resource: ResourceHeader
    public var partNumber: UInt16
    public var referenceCount: UInt32
    public var hash: SHA1Digest

    /// Uncompressed size of the blob's content. A blob inside a solid resource keeps its
    /// size in the "size in WIM" field (its offset is inside the uncompressed solid data).
    public var size: UInt64 { resource.isSolid ? resource.sizeInWIM : resource.uncompressedSize }
}

/// The blob table: image metadata resources in image order, and every other blob sorted
/// by hash for binary search (no Dictionary: keeps BootCore free of hashing seeds).
struct BlobTable {
    private(set) var metadataResources: [BlobEntry] = []
    private(set) var blobs: [BlobEntry] = []

    init(_ bytes: [UInt8]) throws(WIMError) {
        guard bytes.count % BlobEntry.byteCount == 0 else { throw .corrupt(.blobTable) }
        let count = bytes.count / BlobEntry.byteCount
        blobs.reserveCapacity(count)
        for i in 0..<count {
            let start = i * BlobEntry.byteCount
            guard let resource = ResourceHeader(bytes, at: start),
                  let part = bytes.le16(at: start + 24),
                  let references = bytes.le32(at: start + 26),
                  let hash = SHA1Digest(bytes, at: start + 30)
            else { throw .corrupt(.blobTable) }
            let entry = BlobEntry(resource: resource, partNumber: part, referenceCount: references, hash: hash)
            if resource.isMetadata {
                metadataResources.append(entry)
            } else {
                blobs.append(entry)
            }
        }
        blobs.sort { $0.hash < $1.hash }
    }

    /// The blob with this hash, or nil.
    func find(_ hash: SHA1Digest) -> BlobEntry? {
        var low = 0
        var high = blobs.count
        while low < high {
            let mid = (low + high) / 2
            if blobs[mid].hash < hash { low = mid + 1 } else { high = mid }
        }
        return low < blobs.count && blobs[low].hash == hash ? blobs[low] : nil
    }
}
