import Foundation
import Testing
import TestSupport
@testable import BootCore

/// Checks of a written hive image, from its raw bytes: the layout rules the writer promises.
enum RegistryLayoutCheck {
    static func le16(_ b: [UInt8], _ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
    static func le32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    /// Base block: equal sequence numbers, a correct checksum, the bins size; bins: 4096
    /// multiples, cells 8-aligned inside them; the only free cell ends the last bin; every sk's
    /// reference count is the number of keys pointing at it and the sk ring closes; lh hashes
    /// match their keys' names and lists are sorted.
    static func check(_ b: [UInt8], _ label: String) {
        #expect(Array(b[0..<4]) == Array("regf".utf8), "\(label): signature")
        #expect(le32(b, 4) == le32(b, 8), "\(label): sequence numbers differ")
        #expect(le32(b, 0x1FC) == RegistryHiveWriter.checksum(Array(b[0..<4096])), "\(label): checksum")
        #expect(Int(le32(b, 0x28)) + 4096 == b.count, "\(label): bins size")
        var cells: [(offset: Int, size: Int, free: Bool)] = []
        var bin = 0x1000
        var lastBinEnd = 0
        while bin < b.count {
            let size = Int(le32(b, bin + 8))
            #expect(Array(b[bin..<bin + 4]) == Array("hbin".utf8) && size % 4096 == 0 && size > 0, "\(label): bin at \(bin)")
            guard size > 0, size % 4096 == 0 else { return }
            var cell = bin + 32
            while cell < bin + size {
                let raw = Int32(bitPattern: le32(b, cell))
                let cellSize = Int(raw < 0 ? -raw : raw)
                #expect(cellSize >= 8 && cellSize % 8 == 0 && cell + cellSize <= bin + size, "\(label): cell at \(cell)")
                guard cellSize >= 8 else { return }
                cells.append((cell - 0x1000, cellSize, raw > 0))
                cell += cellSize
            }
            lastBinEnd = bin + size
            bin += size
        }
        let free = cells.filter { $0.free }
        #expect(free.count <= 1, "\(label): \(free.count) free cells")
        if let only = free.first { #expect(only.offset + 0x1000 + only.size == lastBinEnd, "\(label): free cell not at the end") }

        // The structure, followed from the root (cell contents alone could be random data).
        func data(_ cell: Int) -> Int { 0x1000 + cell + 4 }
        var pointing: [Int: UInt32] = [:]
        var pending = [Int(le32(b, 0x24))]
        var lists: [Int] = []
        while let nk = pending.popLast() {
            let d = data(nk)
            #expect(Array(b[d..<d + 2]) == Array("nk".utf8), "\(label): nk at \(nk)")
            pointing[Int(le32(b, d + 0x2C)), default: 0] += 1
            guard le32(b, d + 0x14) > 0 else { continue }
            var listCells = [Int(le32(b, d + 0x1C))]
            if b[data(listCells[0])] == 0x72 {   // "ri": a list of lh leaves
                let ri = data(listCells[0])
                listCells = (0..<le16(b, ri + 2)).map { Int(le32(b, ri + 4 + 4 * $0)) }
            }
            for list in listCells {
                lists.append(list)
                let l = data(list)
                pending += (0..<le16(b, l + 2)).map { Int(le32(b, l + 4 + 8 * $0)) }
            }
        }
        for (sk, count) in pointing {
            let d = data(sk)
            #expect(Array(b[d..<d + 2]) == Array("sk".utf8), "\(label): sk at \(sk)")
            #expect(le32(b, d + 0x0C) == count, "\(label): sk at \(sk) reference count")
            let flink = Int(le32(b, d + 4))
            #expect(Int(le32(b, data(flink) + 8)) == sk, "\(label): sk ring broken at \(sk)")
        }
        if let first = pointing.keys.first {
            var ring: Set<Int> = [first]
            var next = Int(le32(b, data(first) + 4))
            while next != first, ring.count <= pointing.count { ring.insert(next); next = Int(le32(b, data(next) + 4)) }
            #expect(ring == Set(pointing.keys), "\(label): the sk ring is not exactly the used descriptors")
        }
        for list in lists {
            let d = data(list)
            #expect(Array(b[d..<d + 2]) == Array("lh".utf8), "\(label): lh at \(list)")
            var names: [[UInt16]] = []
            for i in 0..<le16(b, d + 2) {
                let nd = data(Int(le32(b, d + 4 + 8 * i)))
                let flags = le16(b, nd + 2), length = le16(b, nd + 0x48)
                let units = RegistryName.units(b[nd + 0x4C..<nd + 0x4C + length][...], compressed: flags & 0x20 != 0)
                let upper = units.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
                var hash: UInt32 = 0
                for u in upper { hash = hash &* 37 &+ UInt32(u) }
                #expect(le32(b, d + 8 + 8 * i) == hash, "\(label): lh hash of entry \(i)")
                names.append(upper)
            }
            #expect(zip(names, names.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }, "\(label): lh not sorted")
        }
    }

    /// hivexregedit --export of a file, and what it printed on stderr (warnings).
    static func export(_ path: String) throws -> (text: String, stderr: String) {
        let run = try Programs.run("hivexregedit", ["--export", path, "\\"])
        #expect(run.status == 0, "hivexregedit \(path): \(run.stderr)")
        return (run.stdout, run.stderr)
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regf-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
