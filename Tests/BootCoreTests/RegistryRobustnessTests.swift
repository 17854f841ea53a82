import Foundation
import Testing
@testable import BootCore

/// Damaged hives: every truncation point (in steps) and many bit flips of a real store give
/// an answer or an error, never a trap or a hang.
@Suite("Registry hive reader on damaged input")
struct RegistryRobustnessTests {
    static func store() throws -> [UInt8] {
        try RegistryFixtures.bytes(RegistryFixtures.path("win10-esp-BCD"))
    }

    /// Reads everything a caller can ask for; errors are fine.
    static func exercise(_ bytes: [UInt8]) {
        _ = try? BcdBootTarget.resolve(bytes)
        guard let hive = try? RegistryHive(bytes: bytes), let root = try? hive.rootKey() else { return }
        var pending = [root]
        var visited = 0
        while let key = pending.popLast(), visited < 2000 {
            visited += 1
            for value in (try? hive.values(of: key)) ?? [] { _ = try? hive.data(of: value) }
            pending += (try? hive.subkeys(of: key)) ?? []
        }
    }

    @Test func truncationsGiveErrorsNotCrashes() throws {
        let bytes = try Self.store()
        var failures = 0
        for length in stride(from: 0, to: bytes.count, by: 61) {
            let cut = Array(bytes[0..<length])
            Self.exercise(cut)
            if (try? BcdBootTarget.resolve(cut)) == nil { failures += 1 }
        }
        #expect(failures > 0)
        #expect(throws: BcdTargetError.unreadable(.notAHive)) { try BcdBootTarget.resolve(Array(bytes[0..<100])) }
        #expect(throws: BcdTargetError.unreadable(.notAHive)) { try BcdBootTarget.resolve([UInt8](repeating: 0x41, count: 9000)) }
    }

    @Test func bitFlipsGiveErrorsNotCrashes() throws {
        let bytes = try Self.store()
        var rng = XorShift(state: 0xBCD)
        for _ in 0..<3000 {
            var damaged = bytes
            for _ in 0..<Int(rng.next() % 4 + 1) {
                // Mostly the first hive bins, where Objects and {bootmgr} live.
                let span = rng.next() % 4 == 0 ? damaged.count : min(damaged.count, 0x3000)
                let at = Int(rng.next() % UInt64(span))
                damaged[at] ^= UInt8(1 << (rng.next() % 8))
            }
            Self.exercise(damaged)
        }
    }

    @Test func subkeyIndexLoopsEnd() throws {
        // An "ri" list naming itself: followed a bounded number of times, then an error.
        var bytes = [UInt8](repeating: 0, count: 0x1000 + 0x100)
        bytes.replaceSubrange(0..<4, with: Array("regf".utf8))
        bytes.putLE(UInt32(0x20), at: 0x24)
        bytes.putLE(Int32(-16), at: 0x1000, width: 4)           // ri cell at 0
        bytes.replaceSubrange(0x1004..<0x1006, with: Array("ri".utf8))
        bytes.putLE(UInt16(1), at: 0x1006)
        bytes.putLE(UInt32(0), at: 0x1008)                      // ... pointing at itself
        bytes.putLE(Int32(-0x60), at: 0x1020, width: 4)         // nk cell at 0x20
        bytes.replaceSubrange(0x1024..<0x1026, with: Array("nk".utf8))
        bytes.putLE(UInt32(1), at: 0x1024 + 0x14)               // one subkey, list at 0
        bytes.putLE(UInt32(0), at: 0x1024 + 0x1C)
        let hive = try RegistryHive(bytes: bytes)
        #expect(throws: RegistryError.indexTooDeep(offset: 0x1000)) { try hive.subkeys(of: try hive.rootKey()) }
    }
}

/// A deterministic xorshift64 generator, so failures reproduce.
struct XorShift {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
}
