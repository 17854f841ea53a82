/// The injected WIM's blob table: the original 50-byte entries (layout in BlobEntry) with one
/// image's metadata entry replaced and reference counts (u32 at +26) adjusted, then one entry
/// per new blob. Metadata entries keep their places: their order is the images' order.
enum WIMBlobTableRewrite {
    static func apply(to table: inout [UInt8], metadataOfImage index: Int, becomes metadata: BlobEntry,
                      deltas: ReferenceDeltas, appending newBlobs: [BlobEntry]) {
        var metadataSeen = 0
        var entry = 0
        while entry + BlobEntry.byteCount <= table.count {
            if table[entry + 7] & ResourceHeader.flagMetadata != 0 {  // flags: byte 7 of the reshdr
                metadataSeen += 1
                if metadataSeen == index { metadata.put(into: &table, at: entry) }
            } else if let hash = SHA1Digest(table, at: entry + 30), let references = table.le32(at: entry + 26) {
                let delta = deltas.value(hash)
                if delta != 0 {
                    let count = min(Int64(UInt32.max), max(0, Int64(references) + Int64(delta)))
                    table.putLE(UInt32(count), at: entry + 26)
                }
            }
            entry += BlobEntry.byteCount
        }
        for blob in newBlobs {
            table.append(contentsOf: [UInt8](repeating: 0, count: BlobEntry.byteCount))
            blob.put(into: &table, at: table.count - BlobEntry.byteCount)
        }
    }
}

extension BlobEntry {
    /// Writes the 50-byte form at `offset` of `bytes` (which must hold it).
    func put(into bytes: inout [UInt8], at offset: Int) {
        resource.put(into: &bytes, at: offset)
        bytes.putLE(partNumber, at: offset + 24)
        bytes.putLE(referenceCount, at: offset + 26)
        let digest = hash.bytes
        for i in 0..<SHA1Digest.byteCount { bytes[offset + 30 + i] = digest[i] }
    }
}

/// Reference count changes by hash (a few entries: an array, no Dictionary in BootCore).
struct ReferenceDeltas {
    private var entries: [(hash: SHA1Digest, delta: Int)] = []

    mutating func add(_ hash: SHA1Digest, _ delta: Int) {
        for i in 0..<entries.count where entries[i].hash == hash {
            entries[i].delta += delta
            return
        }
        entries.append((hash, delta))
    }

    func value(_ hash: SHA1Digest) -> Int {
        for entry in entries where entry.hash == hash { return entry.delta }
        return 0
    }
}
