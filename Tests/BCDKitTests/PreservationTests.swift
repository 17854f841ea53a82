import Foundation
import Testing
@testable import BCDKit

@Suite struct PreservationTests {
    /// Values BCDKit does not model (FirmwareVariable beside Type) survive edits of the object.
    @Test func firmwareVariableSurvivesEdits() throws {
        let path = try Fixtures.copy("win10-esp-BCD")
        let firmwareLines = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("\"FirmwareVariable\"") } }
        let before = firmwareLines(try Fixtures.registryExport(path))
        #expect(before.count == 2)

        let file = try StoreFile.open(path)
        var store = file.saved
        try store.setElement(object: "{bootmgr}", element: "description", words: ["Boot Manager (edited)"])
        try store.deleteElement(object: "{c38f7213-f723-11ea-be88-806e6f6e6963}", element: "description")
        try file.save(store)
        #expect(firmwareLines(try Fixtures.registryExport(path)) == before)
    }

    /// Different sequence numbers (an interrupted write) open with a warning, not a refusal.
    @Test func dirtyHiveOpensWithAWarning() throws {
        let path = try Fixtures.copy("pybcd-BCDfresh")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[0x08] &+= 1   // secondary sequence number
        let sum = BaseBlock.checksum(of: bytes)
        for i in 0..<4 { bytes[0x1FC + i] = UInt8(truncatingIfNeeded: sum >> (8 * UInt32(i))) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let file = try StoreFile.open(path)
        #expect(file.warnings.contains { $0.contains("sequence numbers differ") })
        #expect(!file.saved.objects.isEmpty)
    }

    @Test func badChecksumIsRefused() throws {
        let path = try Fixtures.copy("pybcd-BCDfresh")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[0x1FC] &+= 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try StoreFile.open(path) }
    }
}
