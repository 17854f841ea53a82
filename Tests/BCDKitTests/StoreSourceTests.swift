import Foundation
import Testing
import BootCore
@testable import BCDKit

/// Opening reads objects with BootCore's regf reader; libhivex is the oracle: both readers
/// must build the same store, with the same warnings, from every fixture.
@Suite struct StoreSourceTests {
    static func bothReadings(_ path: String) throws -> (hivex: (BCDStore, [String]), bootCore: (BCDStore, [String])) {
        let hive = try Hive(path: path, writable: false)
        let viaHivex = try StoreReader.read(hive, path: path)
        let bytes = try PosixFile.readAll(path)
        let viaBootCore = try StoreReader.read(RegistryStoreSource(hive: try RegistryHive(bytes: bytes), path: path), path: path)
        return ((viaHivex.0, viaHivex.warnings), (viaBootCore.0, viaBootCore.warnings))
    }

    @Test(arguments: Fixtures.storeNames)
    func bootCoreReadsWhatHivexReads(store name: String) throws {
        let readings = try Self.bothReadings(Fixtures.store(name))
        #expect(!readings.hivex.0.objects.isEmpty)
        #expect(readings.bootCore.0 == readings.hivex.0)
        #expect(readings.bootCore.1 == readings.hivex.1)
        #expect(try StoreFile.open(Fixtures.store(name)).saved == readings.hivex.0)
    }

    /// Names and values beyond ASCII (UTF-16 text, a value kept in big-data cells) read alike.
    @Test func nonASCIIAndLargeValuesReadAlike() throws {
        let path = try Fixtures.copy("win10-esp-BCD")
        let file = try StoreFile.open(path)
        var edited = file.saved
        var first = try #require(edited.objects.first)
        first.set(ElementIDs.description, .string("Установка Windows — Windows 安装"))
        first.set(0x1200_0099, .string(String(repeating: "é", count: 9000)))
        edited[first.id] = first
        try file.save(edited)
        let readings = try Self.bothReadings(path)
        #expect(readings.bootCore.0 == readings.hivex.0)
        #expect(readings.hivex.0[first.id]?.descriptionText == "Установка Windows — Windows 安装")
    }
}
