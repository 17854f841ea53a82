import BCDKit
import Foundation
import Testing
@testable import BootCore

/// The compacting hive writer against hivex: every fixture store (and the README's store) is
/// rewritten; hivexregedit's export must not change, hivex must read it without a word on
/// stderr, BootCore's reader must agree with hivex, and the layout rules must hold.
@Suite("Registry hive writer")
struct RegistryWriterTests {
    static func roundTrip(_ source: String) throws -> (before: Int, after: Int) {
        let bytes = try RegistryFixtures.bytes(source)
        let compact = try RegistryHive(bytes: bytes).compacted()
        let written = try RegistryLayoutCheck.temporaryFile(compact)
        defer { try? FileManager.default.removeItem(atPath: written) }
        let before = try RegistryLayoutCheck.export(source), after = try RegistryLayoutCheck.export(written)
        #expect(before.text == after.text, "\(source): export changed")
        #expect(after.stderr.isEmpty, "\(source): hivex said \(after.stderr)")
        #expect(try RegistryDifferentialTests.compareTrees(written) > 3)
        RegistryLayoutCheck.check(compact, source)
        // A second pass changes nothing but the sequence numbers (and so the checksum).
        let again = try RegistryHive(bytes: compact).compacted()
        #expect(again.count == compact.count && Array(again[0x1000...]) == Array(compact[0x1000...]), "\(source): not stable")
        return (bytes.count, compact.count)
    }

    @Test(arguments: RegistryFixtures.storeNames)
    func fixtureExportsAreIdentical(_ name: String) throws {
        let sizes = try Self.roundTrip(RegistryFixtures.path(name))
        #expect(sizes.after <= sizes.before, "\(name) grew")
    }

    /// Windows' stores carry several security descriptors; each survives, byte for byte.
    @Test func securityDescriptorsAreKept() throws {
        for name in ["win7-bios-mbr-BCD", "pybcd-BCDvm", "setup-media-BCD"] {
            let source = try RegistryHive(bytes: RegistryFixtures.bytes(RegistryFixtures.path(name))).image()
            let written = try RegistryHive(bytes: RegistryHiveWriter.write(source)).image()
            #expect(source.descriptors.count > 1, "\(name)")
            #expect(written.descriptors == source.descriptors && written.keys == source.keys, "\(name)")
        }
    }

    /// The README's store as `bcd` makes it (each save compacts): within Windows' 16 KiB.
    @Test func readmeStoreIsCompact() throws {
        let directory = try RegistryFixtures.demoStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("BCD").path
        let sizes = try Self.roundTrip(store)
        #expect(sizes.before <= 16384, "README store is \(sizes.before) bytes")
        #expect(sizes.after == sizes.before)
    }
}
