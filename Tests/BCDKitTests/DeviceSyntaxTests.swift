import Testing
@testable import BCDKit

@Suite struct DeviceSyntaxTests {
    /// Printing a device and parsing the text back gives the same bytes, for every device
    /// element Windows wrote in the fixtures.
    @Test(arguments: Fixtures.storeNames)
    func textRoundTripIsByteExact(store name: String) throws {
        let file = try StoreFile.open(Fixtures.store(name))
        for object in file.saved.objects {
            for element in object.elements {
                guard case .device(let device)? = element.value else { continue }
                let text = DeviceSyntax.format(device) { $0.braced }
                let parsed = try DeviceSyntax.parse(text) { (t: String) throws(EditError) -> BCDGUID in try ObjectNames.resolve(t, in: nil) }
                #expect(parsed.encoded == element.raw.data, "\(name) \(object.id) \(element.type): \(text)")
            }
        }
    }

    @Test func ramdiskMatchesWindowsBytes() throws {
        // The setup media store's ramdisk device, written by Microsoft's tools.
        let file = try StoreFile.open(Fixtures.store("setup-media-BCD"))
        let loader = try #require(file.saved.objects.first { $0.type == .osLoader })
        let stored = try #require(loader[ElementType(rawValue: ElementIDs.device)]).raw.data
        let parsed = try DeviceSyntax.parse(#"ramdisk=[boot]\sources\boot.wim,{7619dcc8-fafe-11d9-b411-000476eba25f}"#) {
            (t: String) throws(EditError) -> BCDGUID in try ObjectNames.resolve(t, in: nil)
        }
        #expect(parsed.encoded == stored)
    }

    @Test func shortIntegersDecode() throws {
        // Microsoft's media stores keep some integers in 1-3 bytes.
        #expect(ElementValue(decoding: RegistryValue(type: .binary, data: [0x1e]), as: .integer) == .integer(30))
        #expect(ElementValue(decoding: RegistryValue(type: .binary, data: [0x00, 0x10, 0x01]), as: .integer) == .integer(0x11000))
    }
}
