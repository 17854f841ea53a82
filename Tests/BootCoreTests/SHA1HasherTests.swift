import Foundation
import Testing
import BootCore
import TestSupport

/// BootCore's streaming SHA-1 (the injected files' and the rewritten metadata's hashes) against
/// the FIPS 180 example vectors and against coreutils' sha1sum on random data fed in random pieces.
@Suite("SHA-1")
struct SHA1HasherTests {
    @Test func knownVectors() {
        #expect(SHA1Hasher.digest([]).hex == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1Hasher.digest(Array("abc".utf8)).hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1Hasher.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        var hasher = SHA1Hasher()
        let thousand = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(thousand) }
        #expect(hasher.finish().hex == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// Lengths around the 55/56/64-byte padding edges and larger, split into random pieces.
    @Test func matchesSha1sum() throws {
        var random = SplitMix(seed: 0x5A1)
        let lengths = [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65536, 200_003]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sha1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for length in lengths {
            let bytes = random.bytes(length)
            let file = dir.appendingPathComponent("\(length)")
            try Data(bytes).write(to: file)
            let run = try Programs.run("sha1sum", [file.path])
            #expect(run.status == 0)
            let expected = String(run.stdout.prefix(40))
            var hasher = SHA1Hasher()
            var at = 0
            while at < length {
                let take = min(length - at, 1 + random.below(150))
                hasher.update(Array(bytes[at..<(at + take)]))
                at += take
            }
            #expect(hasher.finish().hex == expected, "length \(length)")
            #expect(SHA1Hasher.digest(of: MemorySource(bytes))?.hex == expected, "length \(length) via ByteSource")
            #expect(SHA1Hasher.digest(bytes).bytes.count == 20)
        }
    }
}
