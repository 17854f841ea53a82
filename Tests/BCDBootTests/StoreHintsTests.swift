import BCDKit
import Testing
@testable import BCDBoot

@Test func statusPointsAtTheDefaultEntrysElements() throws {
    let entry = try #require(BCDGUID("a4f89c62-2142-11e6-80b6-00155da04110"))
    var loader = BCDObject(id: entry, type: .osLoader)
    loader.set(ElementIDs.description, .string("winpe boot image"))
    loader.set(ElementIDs.path, .string("\\Windows\\system32\\winload.exe"))
    loader.set(ElementIDs.systemRoot, .string("\\Windows"))
    var manager = BCDObject(id: ObjectNames.bootManager, type: .bootManager)
    manager.set(ElementIDs.displayOrder, .objectList([entry]))
    let store = BCDStore(objects: [manager, loader])

    let invalidImage = StoreHints.lines(for: 0xC000_007B, in: store)
    #expect(invalidImage == ["{a4f89c62-2142-11e6-80b6-00155da04110} path \\Windows\\system32\\winload.exe",
                             "{a4f89c62-2142-11e6-80b6-00155da04110} systemroot \\Windows"])
    #expect(StoreHints.lines(for: 0xC000_0225, in: store).first?.hasPrefix("{bootmgr} displayorder {a4f89c62") == true)
    #expect(StoreHints.lines(for: 0xC000_000E, in: BCDStore()) == ["the store has no {bootmgr} object"])
}
