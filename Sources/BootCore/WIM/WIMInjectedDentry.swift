/// The directory entry of an injected file (layout in WIMDirectoryEntry): a plain archive
/// file, no short name, no stream entries, not hard-linked; length 8-aligned.
enum WIMInjectedDentry {
    static let attributeArchive: UInt32 = 0x20
    /// "No security descriptor" in a dentry's security id field (+12).
    static let noSecurity: UInt32 = 0xFFFF_FFFF

    /// `times` are the 24 bytes of creation, last access and last write time (+40..<64).
    static func bytes(name: [UInt16], hash: SHA1Digest, securityID: UInt32, times: [UInt8]) -> [UInt8] {
        let length = wimAlign8(WIMDirectoryEntry.fixedSize + 2 * name.count + 2)
        var out = [UInt8](repeating: 0, count: length)
        out.putLE(UInt64(length), at: 0)
        out.putLE(attributeArchive, at: 8)
        out.putLE(securityID, at: 12)
        // +16 subdirectory offset 0: a file.
        for i in 0..<min(24, times.count) { out[40 + i] = times[i] }
        let digest = hash.bytes
        for i in 0..<SHA1Digest.byteCount { out[64 + i] = digest[i] }
        out.putLE(UInt16(2 * name.count), at: 100)
        for (i, unit) in name.enumerated() { out.putLE(unit, at: WIMDirectoryEntry.fixedSize + 2 * i) }
        return out
    }
}

extension ResourceHeader {
    /// Writes the 24-byte form at `offset` of `bytes` (which must hold it).
    func put(into bytes: inout [UInt8], at offset: Int) {
        bytes.putLE(sizeInWIM & 0x00FF_FFFF_FFFF_FFFF | UInt64(flags) << 56, at: offset)
        bytes.putLE(self.offset, at: offset + 8)
        bytes.putLE(uncompressedSize, at: offset + 16)
    }
}
