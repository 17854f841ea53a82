/// One file or directory of an image, parsed from its on-disk directory entry ("dentry").
///
/// Dentry layout (little-endian): 0 length u64 (excluding stream entries; 0 ends a
/// directory), 8 attributes u32, 12 security id, 16 subdirectory offset u64, 40/48/56
/// times, 64 SHA-1 of the unnamed stream, 84 reparse tag / hard link (12 bytes),
/// 96 stream-entry count u16, 98 short-name bytes u16, 100 name bytes u16, 102 name
/// (UTF-16LE + NUL), then the short name. The next item starts at the 8-aligned length;
/// stream entries (8-aligned each) follow the dentry.
public struct WIMDirectoryEntry: Equatable, Sendable {
    static let fixedSize = 102
    static let attributeDirectory: UInt32 = 0x10
    static let attributeReparsePoint: UInt32 = 0x400

    /// Name as UTF-16 code units (empty for the root).
    public var nameUTF16: [UInt16]
    public var attributes: UInt32
    /// Offset of the first child in the metadata resource (0 = none).
    var subdirectoryOffset: UInt64
    /// Hash of the unnamed data stream (zero = empty).
    public var dataHash: SHA1Digest
    /// Uncompressed size of the unnamed data stream.
    public var size: UInt64
    /// The blob holding the data, nil for empty files and directories (and for a hash
    /// the blob table lacks: `isMissingData`).
    public var blob: BlobEntry?
    /// Where the dentry lies in its metadata resource: its first byte, and the end of its last
    /// stream entry (the injector copies untouched siblings byte for byte from there).
    var entryOffset: Int = 0
    var entryEnd: Int = 0

    /// The entry names data that the WIM does not contain (a damaged or partial WIM).
    public var isMissingData: Bool { !isDirectory && !dataHash.isZero && blob == nil }

    public var isDirectory: Bool { attributes & Self.attributeDirectory != 0 }
    public var isReparsePoint: Bool { attributes & Self.attributeReparsePoint != 0 }

    /// The name as a String (UTF-16 decoding; unpaired surrogates become U+FFFD).
    public var name: String { String(decoding: nameUTF16, as: UTF16.self) }
}

/// Parses directory entries out of a decompressed metadata resource.
struct DentryParser {
    let bytes: [UInt8]
    let blobs: BlobTable

    /// Parses the dentry at `offset`. Returns nil at an end-of-directory marker, else the
    /// entry and the offset of the next sibling.
    func entry(at offset: Int) throws(WIMError) -> (WIMDirectoryEntry, next: Int)? {
        guard let length64 = bytes.le64(at: offset) else { throw .truncated(.directoryEntry) }
        // A length of 0 (wimlib: anything < 8) ends the directory.
        if length64 < 8 { return nil }
        guard length64 >= UInt64(WIMDirectoryEntry.fixedSize),
              length64 <= UInt64(bytes.count - offset)
        else { throw .corrupt(.directoryEntry) }
        let length = Int(length64)
        guard let attributes = bytes.le32(at: offset + 8),
              let subdirectory = bytes.le64(at: offset + 16),
              let defaultHash = SHA1Digest(bytes, at: offset + 64),
              let streamCount = bytes.le16(at: offset + 96),
              let shortNameBytes = bytes.le16(at: offset + 98),
              let nameBytes = bytes.le16(at: offset + 100)
        else { throw .corrupt(.directoryEntry) }
        // Name + NUL, short name + NUL must fit inside the dentry.
        let nameEnd = WIMDirectoryEntry.fixedSize + Int(nameBytes) + (nameBytes > 0 ? 2 : 0)
        let shortEnd = nameEnd + Int(shortNameBytes) + (shortNameBytes > 0 ? 2 : 0)
        guard nameBytes & 1 == 0, shortEnd <= length else { throw .corrupt(.directoryEntry) }
        var name = [UInt16](repeating: 0, count: Int(nameBytes) / 2)
        for i in 0..<name.count {
            let at = offset + WIMDirectoryEntry.fixedSize + 2 * i
            name[i] = UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }

        // Stream entries: 0 length u64, 8 reserved, 16 SHA-1, 36 name bytes u16, 38 name.
        var next = offset + wimAlign8(length)
        let isReparse = attributes & WIMDirectoryEntry.attributeReparsePoint != 0
        // Candidates for the unnamed data stream, in order: the dentry's own hash, then
        // every unnamed stream entry. A reparse point's first unnamed stream is its
        // reparse data; among the rest the first non-empty one is the data.
        var unnamed: [SHA1Digest] = [defaultHash]
        for _ in 0..<Int(streamCount) {
            guard let streamLength = bytes.le64(at: next),
                  streamLength >= 38, streamLength <= UInt64(bytes.count - next),
                  let hash = SHA1Digest(bytes, at: next + 16),
                  let streamNameBytes = bytes.le16(at: next + 36),
                  38 + Int(streamNameBytes) <= Int(streamLength)
            else { throw .corrupt(.streamEntry) }
            if streamNameBytes == 0 { unnamed.append(hash) }
            next += wimAlign8(Int(streamLength))
        }
        if streamCount > 0 && unnamed.count > 1 && defaultHash.isZero { unnamed.removeFirst() }
        if isReparse && !unnamed.isEmpty { unnamed.removeFirst() }
        var dataHash = SHA1Digest.zero
        for hash in unnamed where !hash.isZero {
            dataHash = hash
            break
        }

        var blob: BlobEntry? = nil
        var size: UInt64 = 0
        let isDirectory = attributes & WIMDirectoryEntry.attributeDirectory != 0
        // A hash missing from the blob table still lists (size 0); reading it fails.
        if !dataHash.isZero && !isDirectory, let found = blobs.find(dataHash) {
            blob = found
            size = found.size
        }
        let entry = WIMDirectoryEntry(
            nameUTF16: name, attributes: attributes, subdirectoryOffset: subdirectory,
            dataHash: dataHash, size: size, blob: blob, entryOffset: offset, entryEnd: next)
        return (entry, next)
    }

    /// Every non-zero stream hash of `entry` (its own, then its stream entries'),
    /// for reference counting; `entry(at:)` has checked the layout.
    func streamHashes(of entry: WIMDirectoryEntry) -> [SHA1Digest] {
        var hashes: [SHA1Digest] = []
        if let own = SHA1Digest(bytes, at: entry.entryOffset + 64), !own.isZero { hashes.append(own) }
        guard let length = bytes.le64(at: entry.entryOffset) else { return hashes }
        var next = entry.entryOffset + wimAlign8(Int(length))
        while next < entry.entryEnd, let streamLength = bytes.le64(at: next), streamLength >= 38 {
            if let hash = SHA1Digest(bytes, at: next + 16), !hash.isZero { hashes.append(hash) }
            next += wimAlign8(Int(streamLength))
        }
        return hashes
    }

    /// The children of the directory whose first child is at `offset` (0: none).
    func children(startingAt offset: UInt64) throws(WIMError) -> [WIMDirectoryEntry] {
        var result: [WIMDirectoryEntry] = []
        guard offset != 0 else { return result }
        guard offset < UInt64(bytes.count) else { throw .corrupt(.directoryEntry) }
        var position = Int(offset)
        while let (entry, next) = try entry(at: position) {
            result.append(entry)
            position = next
        }
        return result
    }
}

/// Rounds up to a multiple of 8 (dentries, stream entries and the security block are 8-aligned).
@inline(__always)
func wimAlign8(_ value: Int) -> Int { (value + 7) & ~7 }
