import Foundation
import Testing
import BootCore
import TestSupport

/// PEImage against images real toolchains made, checked field by field with `objdump -x`;
/// relocation at two bases; every truncation and a set of corruptions end in typed errors.
@Suite("PE image parser")
struct PEImageTests {
    func parse(_ bytes: [UInt8]) throws(PEError) -> PEImage { try PEImage(MemorySource(bytes)) }

    func parseError(_ bytes: [UInt8]) -> PEError? {
        do { _ = try parse(bytes); return nil } catch { return error }
    }

    func layOut(_ bytes: [UInt8], _ image: PEImage, at base: UInt64) throws(PEError) -> [UInt8] {
        var out = [UInt8](repeating: 0xCC, count: Int(image.sizeOfImage))
        let failure = out.withUnsafeMutableBytes { buffer -> PEError? in
            do throws(PEError) { try image.layOut(MemorySource(bytes), at: base, into: buffer); return nil } catch { return error }
        }
        if let failure { throw failure }
        return out
    }

    func layOutError(_ bytes: [UInt8], at base: UInt64, bufferSize: Int? = nil) -> PEError? {
        do {
            let image = try parse(bytes)
            var out = [UInt8](repeating: 0, count: bufferSize ?? Int(image.sizeOfImage))
            return out.withUnsafeMutableBytes { buffer -> PEError? in
                do throws(PEError) { try image.layOut(MemorySource(bytes), at: base, into: buffer); return nil } catch { return error }
            }
        } catch { return error }
    }

    /// The headers and section table agree with objdump's reading of the same file.
    func expectMatchesObjdump(_ image: PEImage, _ view: PETestImages.ObjdumpView) {
        #expect(UInt64(image.entryPoint) == view.fields["AddressOfEntryPoint"])
        #expect(image.imageBase == view.fields["ImageBase"])
        #expect(UInt64(image.sizeOfImage) == view.fields["SizeOfImage"])
        #expect(UInt64(image.sizeOfHeaders) == view.fields["SizeOfHeaders"])
        #expect(UInt64(image.baseRelocations?.rva ?? 0) == view.fields["BaseRelocationRVA"])
        #expect(UInt64(image.baseRelocations?.size ?? 0) == view.fields["BaseRelocationSize"])
        #expect(image.sections.count == view.sections.count)
        for (section, seen) in zip(image.sections, view.sections) {
            #expect(section.nameText == seen.name)
            #expect(image.imageBase + UInt64(section.virtualAddress) == seen.vma)
            #expect(UInt64(section.rawOffset) == seen.fileOffset)
        }
    }

    @Test func standinIsPE32PlusAsObjdumpReadsIt() throws {
        let bytes = try PETestImages.standin()
        let image = try parse(bytes)
        #expect(image.isPE32Plus && image.machine == PEImage.machineAMD64)
        #expect(image.subsystem == 10)  // EFI application
        let view = try PETestImages.objdump(Programs.repositoryRoot.appendingPathComponent("loader/build/standin.efi"))
        #expect(view.fields["Magic"] == 0x20B)
        #expect(view.sections.count >= 3)
        expectMatchesObjdump(image, view)
        // Laid out at two bases: gnu-efi images relocate themselves (.reloc holds only ABSOLUTE
        // entries), so both layouts are identical and each section holds its file bytes.
        let a = try layOut(bytes, image, at: 0x10_0000), b = try layOut(bytes, image, at: 0x7F00_0000)
        #expect(a == b)
        for s in image.sections where s.copiedSize > 0 {
            let va = Int(s.virtualAddress), raw = Int(s.rawOffset)
            #expect(Array(a[va..<va + Int(s.copiedSize)]) == Array(bytes[raw..<raw + Int(s.copiedSize)]))
            #expect(a[va + Int(s.copiedSize)..<va + Int(s.memorySize)].allSatisfy { $0 == 0 })
        }
        #expect(Array(a[0..<Int(image.sizeOfHeaders)]) == Array(bytes[0..<Int(image.sizeOfHeaders)]))
    }

    @Test func i386ImageAsObjdumpReadsIt() throws {
        let dir = try PayloadTool.temporaryDirectory("pe32")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PETestImages.pe32(in: dir)
        let bytes = Array(try Data(contentsOf: path))
        let image = try parse(bytes)
        #expect(!image.isPE32Plus && image.machine == PEImage.machineI386)
        let view = try PETestImages.objdump(path)
        #expect(view.fields["Magic"] == 0x10B)
        expectMatchesObjdump(image, view)
        #expect(image.section(containing: image.entryPoint)?.nameText == ".text")
        #expect(image.entryAddress(at: 0x10_0000) == 0x10_0000 + UInt64(image.entryPoint))
    }

    /// Two layouts differ exactly at the HIGHLOW sites objdump lists, by the difference of the bases.
    @Test func i386RelocationAtTwoBases() throws {
        let dir = try PayloadTool.temporaryDirectory("pe32-reloc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PETestImages.pe32(in: dir)
        let bytes = Array(try Data(contentsOf: path))
        let image = try parse(bytes)
        let sites = try PETestImages.objdump(path).relocations["HIGHLOW"] ?? []
        #expect(sites.count >= 5)
        let linked = try layOut(bytes, image, at: image.imageBase)
        let low = try layOut(bytes, image, at: 0x10_0000), high = try layOut(bytes, image, at: 0x3000_0000)
        let covered = Set(sites.flatMap { Int($0)..<Int($0) + 4 })
        for i in 0..<linked.count where low[i] != high[i] || low[i] != linked[i] {
            #expect(covered.contains(i), "byte \(i) changed but is not in a relocated field")
        }
        func value(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * UInt32($1)) } }
        for site in sites.map(Int.init) {
            #expect(value(low, site) &- value(linked, site) == UInt32(0x10_0000) &- UInt32(image.imageBase))
            #expect(value(high, site) &- value(low, site) == 0x3000_0000 - 0x10_0000)
        }
    }

    /// PE32+: DIR64 sites move by the (64-bit) difference of the bases, nothing else changes.
    @Test func x86_64RelocationAtTwoBases() throws {
        let dir = try PayloadTool.temporaryDirectory("pe64-reloc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PETestImages.pe32(in: dir, wide: true)
        let bytes = Array(try Data(contentsOf: path))
        let image = try parse(bytes)
        #expect(image.isPE32Plus && image.imageBase == 0x1_4000_0000)
        expectMatchesObjdump(image, try PETestImages.objdump(path))
        let sites = try PETestImages.objdump(path).relocations["DIR64"] ?? []
        #expect(sites.count >= 3)
        let linked = try layOut(bytes, image, at: image.imageBase), moved = try layOut(bytes, image, at: 0x7_0000_0000)
        let covered = Set(sites.flatMap { Int($0)..<Int($0) + 8 })
        for i in 0..<linked.count where moved[i] != linked[i] {
            #expect(covered.contains(i), "byte \(i) changed but is not in a relocated field")
        }
        func value(_ b: [UInt8], _ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(b[at + $1]) << (8 * UInt64($1)) } }
        for site in sites.map(Int.init) {
            #expect(value(moved, site) &- value(linked, site) == 0x7_0000_0000 - 0x1_4000_0000)
        }
        // HIGHLOW is PE32 only.
        let reloc = image.baseRelocations!, section = image.section(containing: reloc.rva)!
        var highLow = bytes
        highLow[Int(section.rawOffset + reloc.rva - section.virtualAddress) + 9] = (highLow[Int(section.rawOffset + reloc.rva - section.virtualAddress) + 9] & 0x0F) | 0x30
        #expect(layOutError(highLow, at: 0x7_0000_0000) == .unsupportedRelocation(3))
    }

    @Test func truncatedFilesAreRefused() throws {
        let dir = try PayloadTool.temporaryDirectory("pe32-trunc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = Array(try Data(contentsOf: try PETestImages.pe32(in: dir)))
        let image = try parse(bytes)
        let end = image.sections.map { Int($0.rawOffset) + Int($0.copiedSize) }.max() ?? bytes.count
        for length in Array(0..<0x200) + Array(stride(from: 0x200, to: end, by: 13)) {
            #expect(parseError(Array(bytes[0..<length])) != nil, "prefix of \(length) bytes parsed")
        }
    }

    @Test func corruptHeadersGiveTypedErrors() throws {
        let dir = try PayloadTool.temporaryDirectory("pe32-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = Array(try Data(contentsOf: try PETestImages.pe32(in: dir)))
        let pe = Int(good.le32(at: 0x3C)!), opt = pe + 24
        func patched(_ at: Int, _ values: [UInt8]) -> [UInt8] {
            var b = good
            for (i, v) in values.enumerated() { b[at + i] = v }
            return b
        }
        #expect(parseError(patched(0, [0x4D, 0x58])) == .noDosSignature)
        #expect(parseError(patched(0x3C, [0xFF, 0xFF, 0xFF, 0x7F])) == .badHeaderOffset)
        #expect(parseError(patched(pe, [0x50, 0x46])) == .noPeSignature)
        #expect(parseError(patched(pe + 4, [0xC4, 0x01])) == .unsupportedMachine(0x1C4))
        #expect(parseError(patched(pe + 4, [0x64, 0x86])) == .unsupportedMachine(0x8664))
        #expect(parseError(patched(opt, [0x07, 0x01])) == .unsupportedMagic(0x107))
        #expect(parseError(patched(pe + 20, [0x20, 0x00])) == .badOptionalHeader)
        #expect(parseError(patched(pe + 20, [0x01, 0x00])) == .badOptionalHeader)
        #expect(parseError(patched(opt + 92, [17, 0, 0, 0])) == .badOptionalHeader)
        #expect(parseError(patched(opt + 56, [0x00, 0x01, 0, 0])) != nil)  // SizeOfImage below the sections
        #expect(parseError(patched(opt + 60, [0xFF, 0xFF, 0xFF, 0x00])) == .badImageLayout)
        let firstSection = opt + Int(good.le16(at: pe + 20)!)
        #expect(parseError(patched(firstSection + 20, [0xFF, 0xFF, 0xFF, 0x0F])) == .badSection(0))
        #expect(parseError(patched(firstSection + 12, [0x00, 0x00, 0xFF, 0x7F])) == .badSection(0))
        #expect(parseError(patched(pe + 6, [0xFF, 0x00])) == .truncated)
        #expect(parseError([UInt8](repeating: 0x4D, count: 4096)) != nil)
        #expect(parseError([]) == .truncated)
    }

    @Test func relocationErrors() throws {
        let dir = try PayloadTool.temporaryDirectory("pe32-relbad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = Array(try Data(contentsOf: try PETestImages.pe32(in: dir)))
        let image = try parse(good)
        let reloc = image.baseRelocations!
        let relocSection = image.section(containing: reloc.rva)!
        let block = Int(relocSection.rawOffset + (reloc.rva - relocSection.virtualAddress))
        var badType = good
        badType[block + 9] = (badType[block + 9] & 0x0F) | 0x50  // first entry: type 5
        #expect(layOutError(badType, at: 0x10_0000) == .unsupportedRelocation(5))
        var dir64 = good
        dir64[block + 9] = (dir64[block + 9] & 0x0F) | 0xA0  // DIR64 is PE32+ only
        #expect(layOutError(dir64, at: 0x10_0000) == .unsupportedRelocation(10))
        var badSize = good
        badSize[block + 4] = 6
        #expect(layOutError(badSize, at: 0x10_0000) == .badRelocationBlock)
        var outside = good
        outside[block + 0] = 0; outside[block + 1] = 0; outside[block + 2] = 0xFF; outside[block + 3] = 0x7F
        #expect(layOutError(outside, at: 0x10_0000) == .relocationOutsideImage)
        #expect(layOutError(good, at: 0x10_0000, bufferSize: Int(image.sizeOfImage) - 1) == .bufferTooSmall)
        #expect(layOutError(good, at: 0xFFFF_F000) == .badBase)
        var stripped = good
        let pe = Int(good.le32(at: 0x3C)!)
        stripped[pe + 22] |= 0x01
        #expect(layOutError(stripped, at: 0x10_0000) == .notRelocatable)
        #expect(layOutError(stripped, at: image.imageBase) == nil)
    }
}
