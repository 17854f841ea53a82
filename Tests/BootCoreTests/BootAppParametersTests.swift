import Testing
@testable import BootCore

@Suite("Boot application parameters")
struct BootAppParametersTests {
    typealias P = BootAppParameters
    static var inputs: P.Inputs { P.Inputs(
        address: 0x0009_0000, imageBase: 0x0040_0000, imageSize: 0x12_3000,
        regions: [P.region(start: 0x10_0000, end: 0x12_3456), P.region(start: 0x40_0000, end: 0x52_3000),
                  P.region(start: 0x100_0000, end: 0x100_0001)],
        partitionOffset: VirtualFatDisk<MemorySource>.partitionByteOffset, diskSignature: 0x4243_4430,
        drive: 0x80, callInterrupt: 0x0010_1234, callReal: 0x0010_5678) }

    @Test func layoutOffsetsForThreeRegions() {
        let l = P.Layout(regionCount: 3)
        #expect(l.memoryData == 0x3C)
        #expect(l.regions == 0x50)
        #expect(l.appEntry == 0x50 + 3 * 0x28)
        #expect(l.option == l.appEntry + 0x2C)
        #expect(l.optionData == l.option + 0x18)
        #expect(l.bootDevice == l.optionData + 0x10 + 0x46)
        #expect(l.firmware == l.bootDevice + 0x46)
        #expect(l.returnArguments == l.firmware + 8)
        #expect(l.size == l.returnArguments + 0x1C)
        #expect(l.total == l.size + 16)
    }

    @Test func builtBlockHasTheFieldsAtTheirOffsets() {
        let b = P.build(Self.inputs)
        let l = P.Layout(regionCount: 3)
        #expect(b.count == l.total)
        #expect(Array(b[0..<8]) == Array("BOOT APP".utf8))
        #expect(b.le32(at: 0x08) == 2)
        #expect(b.le32(at: 0x0C) == UInt32(l.size))
        #expect(b.le32(at: 0x10) == 0x014C)
        #expect(b.le64(at: 0x18) == 0x40_0000)
        #expect(b.le32(at: 0x20) == 0x12_3000)
        #expect(b.le32(at: 0x24) == 0x3C)
        #expect(b.le32(at: 0x28) == UInt32(l.appEntry))
        #expect(b.le32(at: 0x2C) == UInt32(l.bootDevice))
        #expect(b.le32(at: 0x30) == UInt32(l.firmware))
        #expect(b.le32(at: 0x34) == UInt32(l.returnArguments))
        // memory data: version 1, list right after it, 3 regions of 0x28, data 8 bytes in
        #expect(b.le32(at: 0x3C) == 1); #expect(b.le32(at: 0x40) == 0x14)
        #expect(b.le32(at: 0x44) == 3); #expect(b.le32(at: 0x48) == 0x28); #expect(b.le32(at: 0x4C) == 8)
        #expect(b.le64(at: 0x50 + 8) == 0x100)           // 1 MiB / 4096
        #expect(b.le64(at: 0x50 + 0x18) == 0x24)         // 0x123456 rounds up to page 0x124
        #expect(b.le64(at: 0x50 + 2 * 0x28 + 0x18) == 1) // one byte takes a page
        #expect(Array(b[l.appEntry..<l.appEntry + 8]) == Array("BTAPENT".utf8) + [0])
        #expect(b.le32(at: l.appEntry + 8) == 0x21)
        #expect(b.le32(at: l.option) == 0x1100_0001)
        #expect(b.le32(at: l.option + 4) == 0x18)
        #expect(b.le32(at: l.option + 8) == 0x56)
        for device in [l.optionData + 16, l.bootDevice] {
            #expect(b.le32(at: device) == 6)
            #expect(b.le32(at: device + 8) == 0x46)
            #expect(b.le32(at: device + 0x10) == 0x10_0000)  // LBA 2048 * 512
            #expect(b.le32(at: device + 0x24) == 1)
            #expect(b.le32(at: device + 0x28) == 0x4243_4430)
        }
        #expect(b.le32(at: l.firmware) == 0x9_0000 + UInt32(l.callback))
        #expect(b.le32(at: l.returnArguments) == 1)
        #expect(b.le32(at: l.callback) == 0x9_0000 + UInt32(l.functions))
        #expect(b.le32(at: l.callback + 4) == 0x80)
        #expect(b.le32(at: l.functions) == 0x10_1234)
        #expect(b.le32(at: l.functions + 4) == 0x10_5678)
    }

    @Test func readerGivesBackWhatWasBuilt() throws {
        let got = try P.read(P.build(Self.inputs))
        #expect(got.imageBase == 0x40_0000)
        #expect(got.imageSize == 0x12_3000)
        #expect(got.regions == Self.inputs.regions)
        #expect(got.partitionOffset == 0x10_0000)
        #expect(got.diskSignature == 0x4243_4430)
        #expect(got.callbackAddress == 0x9_0000 + UInt32(P.Layout(regionCount: 3).callback))
    }

    @Test func readerRefusesBrokenBlocks() {
        var b = P.build(Self.inputs)
        #expect(throws: BootAppParametersError.tooShort(10)) { try P.read(Array(b[0..<10])) }
        var bad = b; bad[0] = UInt8(ascii: "X")
        #expect(throws: BootAppParametersError.badSignature) { try P.read(bad) }
        bad = b; bad.putLE(UInt32(3), at: 8)
        #expect(throws: BootAppParametersError.unsupportedVersion(3)) { try P.read(bad) }
        bad = b; bad.putLE(UInt32(0xFFFF_0000), at: P.Header.bootDeviceOffset)
        #expect(throws: BootAppParametersError.offsetOutOfRange("the boot device")) { try P.read(bad) }
        bad = b; bad.putLE(UInt32(0x7FFF_FFFF), at: 0x3C + 8)     // region count
        #expect(throws: BootAppParametersError.offsetOutOfRange("the memory regions")) { try P.read(bad) }
        // The declared size bounds the offsets even when more bytes were passed.
        bad = b; bad.putLE(UInt32(0x60), at: P.Header.size)
        #expect(throws: BootAppParametersError.offsetOutOfRange("the memory regions")) { try P.read(bad) }
        b.putLE(UInt32(5), at: P.Layout(regionCount: 3).bootDevice)
        #expect(throws: BootAppParametersError.badDevice) { try P.read(b) }
    }

    @Test func registerBlockRoundTripsAndNarrowViews() {
        var r = BiosCallRegisters()
        r.vector = 0x13; r.eax = 0x1234_4200; r.edx = 0x80; r.esi = 0x7C00; r.ds = 0x07C0; r.eflags = 0x202
        r.ah = 0x42; r.dl = 0x81; r.carry = true
        #expect(r.eax == 0x1234_4200); #expect(r.dl == 0x81); #expect(r.eflags == 0x203)
        let bytes = r.bytes
        #expect(bytes.count == 0x40)
        #expect(bytes.le32(at: 0x00) == 0x13)
        #expect(bytes.le32(at: 0x10) == 0x81)
        #expect(bytes.le32(at: 0x1C) == 0x7C00)
        #expect(bytes.le32(at: 0x28) == 0x07C0)
        #expect(bytes.le32(at: 0x3C) == 0x203)
        #expect(BiosCallRegisters(bytes: bytes) == r)
        #expect(BiosCallRegisters(bytes: Array(bytes[0..<0x3F])) == nil)
        r.ax = 0xAA55; #expect(r.eax == 0x1234_AA55)
        #expect(BiosCallRegisters.flat(segment: 0x1234, offset: 0x10) == 0x12350)
    }
}
