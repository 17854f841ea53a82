import Testing
@testable import BCDKit

@Suite struct DeviceRoundTripTests {
    @Test(arguments: Fixtures.storeNames)
    func everyDeviceElementDecodesAndReencodesExactly(store name: String) throws {
        let file = try StoreFile.open(Fixtures.store(name))
        var devices = 0
        for object in file.saved.objects {
            for element in object.elements where element.type.format == .device {
                let device = try #require(DeviceElement(bytes: element.raw.data),
                                          "\(name) \(object.id.braced) \(element.type.keyName) does not decode")
                #expect(device.encoded == element.raw.data)
                devices += 1
            }
        }
        #expect(devices > 0)
    }
}
