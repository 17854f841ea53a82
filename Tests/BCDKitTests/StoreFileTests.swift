import Foundation
import Testing
@testable import BCDKit

@Suite struct StoreFileTests {
    @Test(arguments: Fixtures.storeNames)
    func rewriteWithoutEditsKeepsTheRegistryContent(store name: String) throws {
        let path = try Fixtures.copy(name)
        let before = try Fixtures.registryExport(path)
        let file = try StoreFile.open(path)
        try file.save(file.saved, rewrite: true)
        #expect(try Fixtures.registryExport(path) == before)
        #expect(FileManager.default.fileExists(atPath: path + ".bak"))
        #expect(try StoreFile.open(path).saved == file.saved)
    }

    @Test(arguments: Fixtures.storeNames)
    func editThenUndoRestoresTheRegistryContent(store name: String) throws {
        let path = try Fixtures.copy(name)
        let before = try Fixtures.registryExport(path)
        let file = try StoreFile.open(path)
        let original = file.saved
        var edited = original
        var first = try #require(edited.objects.first)
        first.set(ElementIDs.description, .string("Установка Windows — Windows 安装"))
        edited[first.id] = first
        try file.save(edited)
        #expect(try StoreFile.open(path).saved[first.id]?.descriptionText == "Установка Windows — Windows 安装")
        try file.save(original)
        #expect(try Fixtures.registryExport(path) == before)
    }

    @Test func changedOnDiskIsRefused() throws {
        let path = try Fixtures.copy("pybcd-BCDfresh")
        let file = try StoreFile.open(path)
        // Someone else edits the store after we opened it.
        let other = try StoreFile.open(path)
        var theirs = other.saved
        try theirs.setTimeout(5)
        try other.save(theirs, keepBackup: false)
        let afterTheirs = try Data(contentsOf: URL(fileURLWithPath: path))

        var ours = file.saved
        try ours.setTimeout(9)
        #expect(throws: StoreError.changedOnDisk(path: path)) { try file.save(ours) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == afterTheirs)
    }

    @Test func newStoreHasBcdeditsKeys() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bcdkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("BCD").path
        let file = try StoreFile.create(path)
        #expect(file.saved.objects.isEmpty)
        #expect(file.warnings.isEmpty)
        let text = try Fixtures.registryExport(path)
        #expect(text.contains("[\\Description]\n\"KeyName\"=hex(1):42,00,43,00,44,00,30,00,30,00,30,00,30,00,30,00,30,00,30,00,30,00,00,00"))
        #expect(text.contains("[\\Objects]"))
        #expect(throws: StoreError.alreadyExists(path: path)) { try StoreFile.create(path) }
    }

    @Test func unknownElementsSurviveEdits() throws {
        let path = try Fixtures.copy("win10-recovery-BCD")
        let file = try StoreFile.open(path)
        var store = file.saved
        let custom = try #require(store.objects.flatMap(\.elements).first { $0.type.elementClass == 4 })
        try store.setTimeout(7)
        try file.save(store)
        let reread = try StoreFile.open(path).saved
        #expect(reread.objects.flatMap(\.elements).contains(custom))
    }
}
