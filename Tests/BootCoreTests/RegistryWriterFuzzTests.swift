import BCDKit
import Foundation
import Testing
import TestSupport
@testable import BootCore

/// Seeded random writer inputs: key trees (depth, fan-out past one lh leaf, ASCII and UTF-16
/// names, class names), values of every size class around the inline limit (4 bytes) and
/// the big-data threshold (16344 bytes), several security descriptors. Each written image
/// must read back identically through BootCore's reader and through hivex, and obey the
/// layout rules. A failing seed is printed, so it can be replayed.
@Suite("Registry hive writer fuzz")
struct RegistryWriterFuzzTests {
    typealias Generator = SplitMix

    static let sizes = [0, 1, 3, 4, 5, 8, 100, 4000, 16343, 16344, 16345, 16344 * 2, 16344 * 2 + 1, 40000]

    static func name(_ g: inout Generator, index: Int) -> (bytes: [UInt8], compressed: Bool) {
        let base = Array("K\(index)-".utf8) + (0..<g.below(12)).map { _ in UInt8(0x61 + g.below(26)) }
        if g.below(4) == 0 {
            // UTF-16LE with a non-ASCII letter (U+00E9) that is not case-folded.
            var out: [UInt8] = []
            for byte in base + [0xE9] { out += [byte, 0] }
            return (out, false)
        }
        return (base, true)
    }

    static func image(seed: UInt64) -> RegistryImage {
        var g = Generator(seed: seed)
        var base = [UInt8](repeating: 0, count: 4096)
        base.replaceSubrange(0..<4, with: Array("regf".utf8))
        base.putLE(UInt32(7), at: 0x04); base.putLE(UInt32(7), at: 0x08)
        base.putLE(UInt32(1), at: 0x14); base.putLE(UInt32(3), at: 0x18); base.putLE(UInt32(1), at: 0x20)
        base.putLE(UInt32(1), at: 0x2C)
        let descriptors = (0..<1 + g.below(4)).map { i in [1, 0, 4, 0x80] + g.bytes(16 + 4 * i) }
        var keys: [RegistryImage.Key] = []
        func key(depth: Int, wideParent: Bool = false) -> Int {
            let index = keys.count
            let (nameBytes, compressed) = depth == 0 ? (Array("ROOT".utf8), true) : name(&g, index: index)
            var values: [RegistryImage.Value] = []
            for v in 0..<(wideParent ? 1 : g.below(depth == 0 ? 2 : 5)) {
                let valueName = v == 0 && g.below(3) == 0 ? [] : Array("V\(v)".utf8)
                let size = !wideParent && g.below(3) == 0 ? sizes[g.below(sizes.count)] : g.below(64)
                values.append(RegistryImage.Value(name: valueName, flags: 1, type: UInt32(g.below(12)), data: g.bytes(size)))
            }
            keys.append(RegistryImage.Key(
                name: nameBytes, flags: (compressed ? 0x20 : 0) | (depth == 0 ? 0x0C : 0), timestamp: g.next(),
                accessBits: UInt32(g.below(3)), parentField: depth == 0 ? 0x1234 : 0, nameFieldFlags: 0,
                className: g.below(5) == 0 ? g.bytes(2 * (1 + g.below(8))) : [], security: g.below(descriptors.count),
                values: values, subkeys: []))
            // One wide key (past one lh leaf) in some trees; its subkeys are leaves.
            let wide = depth == 1 && g.below(10) == 0
            let fanOut = wide ? 1013 + g.below(40) : (depth < 4 && !wideParent ? g.below(5) : 0)
            var children: [Int] = []
            for _ in 0..<fanOut { children.append(key(depth: depth + 1, wideParent: wide)) }
            keys[index].subkeys = children
            return index
        }
        _ = key(depth: 0)
        // Every descriptor used once at least, so none is dropped as unreachable.
        for d in descriptors.indices where d < keys.count { keys[d].security = d }
        return RegistryImage(baseBlock: base, keys: keys, descriptors: descriptors)
    }

    /// Key `k` and its subtree as lines (names, fields, values with data), children in
    /// upper-cased name order: the same text for two images means the same content.
    static func dump(_ image: RegistryImage, _ k: Int = 0, _ path: String = "") -> [String] {
        let key = image.keys[k]
        let here = path + "\\" + RegistryName.text(RegistryName.units(key.name[...], compressed: key.isCompressedName))
        var lines = ["\(here) flags=\(key.flags) time=\(key.timestamp) access=\(key.accessBits) class=\(key.className) sd=\(key.security.map { image.descriptors[$0] } ?? [])"]
        for v in key.values { lines.append("  \(v.name) \(v.flags) \(v.type) \(v.data.count) \(v.data.hashValue)") }
        let sorted = key.subkeys.sorted { RegistryHiveWriter.upperUnits(image.keys[$0]).lexicographicallyPrecedes(RegistryHiveWriter.upperUnits(image.keys[$1])) }
        for c in sorted { lines += dump(image, c, here) }
        return lines
    }

    @Test(arguments: 0..<16)
    func writtenImagesReadBackIdentically(_ seed: Int) throws {
        let source = Self.image(seed: UInt64(seed) &* 0x1000_0001 &+ 0xB0D)
        let bytes = RegistryHiveWriter.write(source)
        let read = try RegistryHive(bytes: bytes).image()
        #expect(Self.dump(read) == Self.dump(source), "seed \(seed)")
        #expect(read.keys[0].parentField == 0x1234, "seed \(seed): root's parent field")
        RegistryLayoutCheck.check(bytes, "seed \(seed)")
        let bigData = source.keys.contains { $0.values.contains { $0.data.count > RegistryHive.bigDataSegment } }
        #expect(RegistryLayoutCheck.le32(bytes, 0x18) == (bigData ? 5 : 3), "seed \(seed): minor version")

        // hivex, the independent reader: every value's bytes, big data included.
        let path = try RegistryLayoutCheck.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try RegistryDifferentialTests.compareTrees(path) == source.keys.count, "seed \(seed)")
        // hivexregedit (Perl) is slow on the wide trees; its silence is checked on the others.
        if source.keys.count < 300 { #expect(try RegistryLayoutCheck.export(path).stderr.isEmpty, "seed \(seed): hivex warned") }
    }

    /// The generator reaches what it is meant to: big data, inline data, an ri index.
    @Test func generatorCoversTheSizeClasses() {
        var big = 0, inline = 0, wide = 0
        for seed in 0..<16 {
            let image = Self.image(seed: UInt64(seed) &* 0x1000_0001 &+ 0xB0D)
            for key in image.keys {
                big += key.values.filter { $0.data.count > RegistryHive.bigDataSegment }.count
                inline += key.values.filter { $0.data.count <= 4 }.count
                if key.subkeys.count > RegistryHiveWriter.leafLimit { wide += 1 }
            }
        }
        #expect(big > 0 && inline > 0 && wide > 0, "big \(big), inline \(inline), ri \(wide)")
    }
}
