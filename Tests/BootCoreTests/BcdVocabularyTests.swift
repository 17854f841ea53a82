import Testing
@testable import BootCore

/// BootCore's BCD vocabulary on its own (BCDKit's tests run it over every fixture store).
@Suite("BCD vocabulary: GUIDs, element ids, UTF-16 text, devices")
struct BcdVocabularyTests {
    static func utf16(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    @Test func guidTextIsWindowsByteOrderInLowerCase() throws {
        let guid = try #require(BcdGuid("{9DEA862C-5CDD-4E70-ACC1-F32B344D4795}"))
        #expect(guid.bytes == [0x2c, 0x86, 0xea, 0x9d, 0xdd, 0x5c, 0x70, 0x4e, 0xac, 0xc1, 0xf3, 0x2b, 0x34, 0x4d, 0x47, 0x95])
        #expect(guid.description == "9dea862c-5cdd-4e70-acc1-f32b344d4795")
        #expect(guid.braced == "{9dea862c-5cdd-4e70-acc1-f32b344d4795}")
        #expect(BcdGuid(guid.description) == guid)
        #expect(guid == BcdGuid.bootManager)
    }

    @Test func guidTextRefusesAnythingElse() {
        for text in ["", "{}", "9dea862c-5cdd-4e70-acc1-f32b344d479", "9dea862c-5cdd-4e70-acc1-f32b344d47955",
                     "9dea862c5cdd-4e70-acc1-f32b344d4795-", "9dea862g-5cdd-4e70-acc1-f32b344d4795",
                     "{9dea862c-5cdd-4e70-acc1-f32b344d4795", "+dea862c-5cdd-4e70-acc1-f32b344d4795",
                     "９dea862c-5cdd-4e70-acc1-f32b344d479"] {
            #expect(BcdGuid(text) == nil, "\(text)")
        }
        #expect(BcdGuid(bytes: [UInt8](repeating: 0, count: 15)) == nil)
        #expect(BcdGuid(bytes: [UInt8](repeating: 1, count: 20), at: 5) == nil)
        #expect(BcdGuid(bytes: [UInt8](repeating: 1, count: 20), at: 4)?.isZero == false)
    }

    @Test func guidsSortAsTheirTextDoes() throws {
        let texts = ["00000001-0000-0000-0000-000000000000", "00000100-0000-0000-0000-000000000000",
                     "00000100-0001-0000-0000-000000000000", "00000100-0100-0000-0000-000000000000",
                     "10000000-0000-0000-0000-000000000000", "10000000-0000-0000-0000-000000000001"]
        let guids = try texts.map { try #require(BcdGuid($0)) }
        for (a, b) in zip(guids, guids.dropFirst()) {
            #expect(a < b, "\(a) < \(b)")
            #expect(!(b < a))
        }
        #expect(!(guids[0] < guids[0]))
    }

    @Test func elementKeyNames() {
        #expect(BcdElementType(rawValue: BcdElementID.device).keyName == "11000001")
        #expect(BcdElementType(rawValue: 0x0000_00AB).keyName == "000000ab")
        #expect(BcdElementType(keyName: "12000004")?.rawValue == 0x1200_0004)
        #expect(BcdElementType(keyName: "0X2500000A")?.rawValue == 0x2500_000A)
        #expect(BcdElementType(keyName: "0x5")?.rawValue == 5)
        for text in ["1200004", "120000040", "0x", "0x123456789", "1200000g", "+1200000", "１2000004"] {
            #expect(BcdElementType(keyName: text) == nil, "\(text)")
        }
        #expect(BcdElementType(rawValue: 0x2600_0010).format == .boolean)
        #expect(BcdElementType(rawValue: 0x2800_0010).format == nil)
    }

    @Test func exactTextRefusesWhatLenientTextReplaces() {
        let lone = [0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x00, 0x00] as [UInt8]   // "A", lone high surrogate, "B"
        #expect(BcdText.decodeSingle(lone) == nil)
        #expect(BcdText.string(lone) == "A\u{FFFD}B")
        #expect(BcdText.decodeSingle(Self.utf16("\\x.wim\0slack")) == "\\x.wim")
        #expect(BcdText.decodeSingle(Self.utf16("ab") + [0x43]) == nil)        // odd, unterminated
        #expect(BcdText.string(Self.utf16("ab") + [0x43]) == "ab")
    }

    @Test func multiStringsExactStopAtTheEmptyStringLenientSkipsIt() {
        let list = Self.utf16("a\0\0b\0\0")
        #expect(BcdText.decodeMulti(list) == ["a"])
        #expect(BcdText.strings(list) == ["a", "b"])
        #expect(BcdText.decodeMulti(Self.utf16("a\0b")) == nil)               // last one unterminated
        #expect(BcdText.strings(Self.utf16("a\0b")) == ["a", "b"])
        #expect(BcdText.encodeMulti(["a", "bc"]) == Self.utf16("a\0bc\0\0"))
        #expect(BcdText.decodeMulti(BcdText.encodeMulti(["{x}", "é𝄞"])) == ["{x}", "é𝄞"])
    }

    /// ramdisk=[boot]\sources\boot.wim,{ramdiskoptions} as bcdedit writes it.
    static let ramdisk: [UInt8] = {
        let file = BcdFilePath(parent: BcdDeviceDescriptor(kind: .boot(body: [UInt8](repeating: 0, count: 56))), path: "\\sources\\boot.wim")
        let descriptor = BcdDeviceDescriptor(flags: 1, kind: .ramdisk(BcdRamdiskImage(), file))
        return BcdDeviceElement(options: BcdGuid("ae5534e0-a924-466c-b836-758539a3ee3a"), descriptor: descriptor).encoded
    }()

    @Test func ramdiskDeviceLayoutAndSummary() throws {
        let bytes = Self.ramdisk
        #expect(bytes.le32(at: 0x18) == UInt32(bytes.count - 0x10))            // descriptor size
        #expect(bytes.le32(at: 0x20) == 3)                                     // local type: ramdisk
        #expect(bytes.le32(at: 0x3C) == UInt32(bytes.count - 0x38))            // file path length
        #expect(bytes.le32(at: 0x44) == 5)                                     // parent: boot
        let device = try #require(BcdDeviceElement(bytes: bytes))
        #expect(device.encoded == bytes)
        let summary = try #require(BcdDeviceSummary(bytes: bytes))
        #expect(summary.options == "{ae5534e0-a924-466c-b836-758539a3ee3a}")
        #expect(summary.descriptorType == 0 && summary.isRamdisk && summary.ramdiskParentIsBoot)
        #expect(summary.ramdiskPath == "\\sources\\boot.wim")
    }

    @Test func summaryReadsWhatTheExactDecoderRefuses() throws {
        var slack = Self.ramdisk
        slack.append(0)                                                        // a trailing byte outside the descriptor
        #expect(BcdDeviceElement(bytes: slack) == nil)
        #expect(BcdDeviceSummary(bytes: slack)?.ramdiskPath == "\\sources\\boot.wim")
        var cut = Self.ramdisk
        cut.putLE(UInt32(cut.count), at: 0x3C, width: 4)                       // file path longer than its descriptor
        #expect(BcdDeviceElement(bytes: cut) == nil)
        #expect(BcdDeviceSummary(bytes: cut) == nil)
        #expect(BcdDeviceSummary(bytes: Array(Self.ramdisk[0..<0x1F])) == nil)
    }

    @Test func elementValuesDecodeOnlyTheirExactFormat() throws {
        #expect(BcdElementValue(data: [0x1E], format: .integer) == .integer(30))            // media stores: short integers
        #expect(BcdElementValue(data: [0x01, 0x02, 0x03], format: .integer) == .integer(0x030201))
        #expect(BcdElementValue(data: [], format: .integer) == nil)
        #expect(BcdElementValue(data: [UInt8](repeating: 0, count: 9), format: .boolean) == nil)
        #expect(BcdElementValue(data: [0, 0, 1], format: .boolean) == .boolean(true))
        #expect(BcdElementValue(data: [UInt8](repeating: 1, count: 12), format: .integerList) == nil)
        #expect(BcdElementValue(data: BcdText.encodeMulti(["{9dea862c-5cdd-4e70-acc1-f32b344d4795}", "{x}"]), format: .objectList) == nil)
        let list = BcdElementValue.objectList([.bootManager, .zero])
        #expect(BcdElementValue(data: list.data, format: .objectList) == list)
        for value in [BcdElementValue.integer(0x1234), .boolean(false), .integerList([1, 2]), .string("\\x"), .object(.bootManager)] {
            #expect(BcdElementValue(data: value.data, format: value.format) == value, "\(value)")
        }
        #expect(BcdElementValue.integer(5).data.count == 8)                                  // bcdedit writes 8 bytes
    }
}
