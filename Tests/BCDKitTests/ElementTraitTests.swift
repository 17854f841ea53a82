import Testing
@testable import BCDKit

/// Integer traits (hex, IPv4, range) come from the catalog entry, per object type as names do,
/// and the typed setElement takes only values of the element's format.
@Suite struct ElementTraitTests {
    static let osLoader = ObjectType(rawValue: 0x1020_0003)
    static let bootManager = ObjectType(rawValue: 0x1010_0002)

    @Test func traitsAreTheCatalogEntrysAndDependOnTheObjectType() {
        #expect(ElementNames.integerTraits(for: ElementType(rawValue: 0x1500_0007), in: Self.osLoader) == .hex)   // truncatememory
        #expect(ElementNames.integerTraits(for: ElementType(rawValue: 0x1500_001A), in: Self.osLoader) == .ipv4)  // hostip
        #expect(ElementNames.integerTraits(for: ElementType(rawValue: 0x2500_00FD), in: Self.osLoader) == .ipv4)  // hypervisorhostip
        #expect(ElementNames.integerTraits(for: ElementType(rawValue: 0x2500_0004), in: Self.bootManager).range == 0...0xFFFF_FFFF)  // timeout
        // 0x250000FD is an OS loader's; the boot manager has no such element.
        #expect(ElementNames.integerTraits(for: ElementType(rawValue: 0x2500_00FD), in: Self.bootManager) == .plain)
        // Every trait that is not plain sits on an integer element.
        for definition in libraryElementDefinitions + applicationElementDefinitions + deviceElementDefinitions
        where definition.integer != .plain {
            #expect(ElementType(rawValue: definition.id).format == .integer, "\(definition.name)")
        }
    }

    @Test func formatterAndParserFollowTheTraits() throws {
        let store = try StoreFile.open(try Fixtures.copy("win10-esp-BCD")).saved
        let loader = BCDObject(id: BCDGUID.random(), type: Self.osLoader)
        let hostip = ElementType(rawValue: 0x2500_00FD)
        let parsed = try ValueParser(store: store).parse(["10.0.0.2"], for: hostip, in: loader, elementName: "hypervisorhostip")
        #expect(parsed == .integer(0x0200_000A))
        let formatter = ValueFormatter(store: store, verbose: false)
        #expect(formatter.lines(for: BCDElement(type: hostip, value: parsed), in: loader) == ["10.0.0.2"])
        let truncate = BCDElement(type: ElementType(rawValue: 0x1500_0007), value: .integer(0x1000))
        #expect(formatter.lines(for: truncate, in: loader) == ["0x1000"])
    }

    @Test func typedSetElementTakesOnlyTheElementsFormat() throws {
        var store = try StoreFile.open(try Fixtures.copy("win10-esp-BCD")).saved
        let description = ElementType(rawValue: ElementIDs.description)
        try store.setElement(description, to: .string("Typed"), in: ObjectNames.bootManager)
        #expect(store[ObjectNames.bootManager]?.value(ElementIDs.description) == .string("Typed"))
        #expect(throws: EditError.self) { try store.setElement(description, to: .integer(1), in: ObjectNames.bootManager) }
        try store.deleteElement(description, in: ObjectNames.bootManager)
        #expect(store[ObjectNames.bootManager]?.value(ElementIDs.description) == nil)
        #expect(throws: EditError.self) { try store.deleteElement(description, in: ObjectNames.bootManager) }
    }
}
