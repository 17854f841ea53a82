/// Streaming SHA-1 (FIPS 180-4, section 6.1): WIM blob and metadata hashes for the injected
/// files and the rewritten metadata resource. Feed bytes with `update`, then `finish` once.
public struct SHA1Hasher {
    private var h0: UInt32 = 0x6745_2301
    private var h1: UInt32 = 0xEFCD_AB89
    private var h2: UInt32 = 0x98BA_DCFE
    private var h3: UInt32 = 0x1032_5476
    private var h4: UInt32 = 0xC3D2_E1F0
    /// Bytes of the current, incomplete 64-byte block.
    private var block = [UInt8](repeating: 0, count: 64)
    private var blockFill = 0
    private var totalBytes: UInt64 = 0
    private var schedule = [UInt32](repeating: 0, count: 80)

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        totalBytes &+= UInt64(bytes.count)
        var i = 0
        // Top up a partial block first, then whole blocks straight from the input.
        while i < bytes.count {
            if blockFill == 0 && bytes.count - i >= 64 {
                compress(bytes, at: i)
                i += 64
                continue
            }
            let take = min(64 - blockFill, bytes.count - i)
            for k in 0..<take { block[blockFill + k] = bytes[i + k] }
            blockFill += take
            i += take
            if blockFill == 64 {
                let full = block
                full.withUnsafeBytes { compress($0, at: 0) }
                blockFill = 0
            }
        }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Pads (0x80, zeros, the bit length as a big-endian u64) and returns the digest.
    public mutating func finish() -> SHA1Digest {
        let bitLength = totalBytes &* 8
        var tail: [UInt8] = [0x80]
        let fillAfter = (blockFill + 1) % 64
        let zeros = fillAfter <= 56 ? 56 - fillAfter : 120 - fillAfter
        tail.append(contentsOf: [UInt8](repeating: 0, count: zeros))
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let saved = totalBytes
        update(tail)
        totalBytes = saved
        return SHA1Digest(high: UInt64(h0) << 32 | UInt64(h1), middle: UInt64(h2) << 32 | UInt64(h3), low: h4)
    }

    /// The digest of `bytes` in one call.
    public static func digest(_ bytes: [UInt8]) -> SHA1Digest {
        var hasher = SHA1Hasher()
        hasher.update(bytes)
        return hasher.finish()
    }

    /// The digest of a whole ByteSource, read 64 KiB at a time; nil when a read fails.
    public static func digest<Source: ByteSource>(of source: Source) -> SHA1Digest? {
        var hasher = SHA1Hasher()
        guard source.forEachChunk(size: 1 << 16, { hasher.update($0) }) else { return nil }
        return hasher.finish()
    }

    private mutating func compress(_ bytes: UnsafeRawBufferPointer, at start: Int) {
        for t in 0..<16 {
            let p = start + 4 * t
            schedule[t] = UInt32(bytes[p]) << 24 | UInt32(bytes[p + 1]) << 16 | UInt32(bytes[p + 2]) << 8 | UInt32(bytes[p + 3])
        }
        for t in 16..<80 {
            schedule[t] = rotl(schedule[t - 3] ^ schedule[t - 8] ^ schedule[t - 14] ^ schedule[t - 16], 1)
        }
        var a = h0, b = h1, c = h2, d = h3, e = h4
        for t in 0..<80 {
            let f: UInt32, k: UInt32
            switch t {
            case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
            case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
            case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
            default: f = b ^ c ^ d; k = 0xCA62_C1D6
            }
            let temp = rotl(a, 5) &+ f &+ e &+ k &+ schedule[t]
            e = d
            d = c
            c = rotl(b, 30)
            b = a
            a = temp
        }
        h0 &+= a
        h1 &+= b
        h2 &+= c
        h3 &+= d
        h4 &+= e
    }

    @inline(__always)
    private func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
}
