import BCDKit
import Foundation
import Testing
@testable import BootCore

/// BootCore's hive reader and boot-target resolver against BCDKit (libhivex) on every fixture
/// store and on the README's ramdisk store made by the `bcd` binary.
@Suite("Registry hive reader and BCD boot target")
struct RegistryDifferentialTests {
    /// Walks both trees together: same key names, same values (name, type, bytes), same order.
    static func compareTrees(_ path: String) throws -> Int {
        let hivex = try Hive(path: path, writable: false)
        let ours = try RegistryHive(bytes: RegistryFixtures.bytes(path))
        var pending: [(Hive.Node, RegistryKeyNode)] = [(hivex.root, try ours.rootKey())]
        var keys = 0
        while let (node, key) = pending.popLast() {
            keys += 1
            #expect(hivex.name(of: node) == key.name, "key name in \(path)")
            let theirValues = hivex.values(of: node)
            let ourValues = try ours.values(of: key)
            #expect(theirValues.count == ourValues.count, "value count of \(key.name) in \(path)")
            for (theirs, mine) in zip(theirValues, ourValues) {
                let contents = try hivex.contents(of: theirs)
                #expect(hivex.key(of: theirs) == mine.name)
                #expect(contents.typeTag == mine.type)
                #expect(contents.data == (try ours.data(of: mine)), "data of \(key.name)\\\(mine.name) in \(path)")
            }
            let children = hivex.children(of: node)
            let subkeys = try ours.subkeys(of: key)
            #expect(children.count == subkeys.count, "subkey count of \(key.name) in \(path)")
            pending += zip(children, subkeys).map { ($0, $1) }
        }
        return keys
    }

    @Test(arguments: RegistryFixtures.storeNames)
    func everyKeyAndValueMatchesHivex(_ name: String) throws {
        #expect(try Self.compareTrees(RegistryFixtures.path(name)) > 3)
    }

    @Test(arguments: RegistryFixtures.storeNames)
    func bootTargetMatchesBCDKit(_ name: String) throws {
        let path = RegistryFixtures.path(name)
        let expected = try RegistryFixtures.expectedTarget(path)
        let resolved = try? BcdBootTarget.resolve(RegistryFixtures.bytes(path))
        #expect(resolved == expected, "\(name)")
    }

    @Test func lookupsIgnoreCaseAndReportMissingKeys() throws {
        let hive = try RegistryHive(bytes: RegistryFixtures.bytes(RegistryFixtures.path("win10-esp-BCD")))
        let manager = try hive.key(path: "OBJECTS\\{9DEA862C-5CDD-4E70-ACC1-F32B344D4795}\\elements\\23000003")
        #expect(try hive.value(of: manager, named: "ELEMENT").type == 1)
        #expect(throws: RegistryError.keyNotFound(path: "Objects\\{nothing}")) { try hive.key(path: "Objects\\{nothing}") }
        #expect(throws: RegistryError.valueNotFound(name: "nope")) { try hive.value(of: manager, named: "nope") }
    }

    /// The README's store, and the same store with ramdisksdipath moved to \Image\boot.sdi.
    @Test func demoStoreMatchesBCDKit() throws {
        let directory = try RegistryFixtures.demoStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("BCD").path
        #expect(try Self.compareTrees(store) > 3)
        let target = try BcdBootTarget.resolve(RegistryFixtures.bytes(store))
        #expect(target == (try RegistryFixtures.expectedTarget(store)))
        #expect(target.entry == "{a4f89c62-2142-11e6-80b6-00155da04110}")
        #expect(target.device?.isRamdisk == true && target.device?.ramdiskParentIsBoot == true)
        #expect(target.device?.ramdiskPath == "\\Boot\\boot.wim")
        #expect(target.device?.options == "{ae5534e0-a924-466c-b836-758539a3ee3a}")
        #expect(target.sdiPath == "\\Boot\\boot.sdi" && target.sdiDeviceIsBoot == true)

        try RegistryFixtures.run(RegistryFixtures.bcdBinary, ["set", "--store", store, "{ramdiskoptions}", "ramdisksdipath", "\\Image\\boot.sdi"], in: directory)
        let moved = try BcdBootTarget.resolve(RegistryFixtures.bytes(store))
        #expect(moved == (try RegistryFixtures.expectedTarget(store)))
        #expect(moved.sdiPath == "\\Image\\boot.sdi")
    }
}

extension RegistryDifferentialTests {
    /// The comparison above is not vacuous: most fixtures have a boot target, some a ramdisk.
    @Test func fixturesHaveTargetsToCompare() throws {
        let targets = try RegistryFixtures.storeNames.compactMap { try? BcdBootTarget.resolve(RegistryFixtures.bytes(RegistryFixtures.path($0))) }
        #expect(targets.count >= 6)
        #expect(targets.contains { $0.device?.isRamdisk == true && $0.sdiPath != nil })
        #expect(targets.contains { $0.path?.lowercased().contains("winload") == true })
    }
}
