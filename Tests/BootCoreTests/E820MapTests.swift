import Testing
@testable import BootCore

@Suite("E820 map adjustment")
struct E820MapTests {
    typealias E = E820Entry
    static let mib: UInt64 = 1 << 20
    var mib: UInt64 { Self.mib }
    /// A typical SeaBIOS map for 512 MiB.
    static let firmware: [E] = [
        E(base: 0, length: 0x9FC00, type: 1), E(base: 0x9FC00, length: 0x400, type: 2),
        E(base: 0xF0000, length: 0x10000, type: 2), E(base: mib, length: 511 * mib - 0x20000, type: 1),
        E(base: 512 * mib - 0x20000, length: 0x20000, type: 2), E(base: 0xFFFC_0000, length: 0x40000, type: 2),
    ]

    @Test func reservingSplitsAUsableEntry() {
        let out = E820Map.reserving([ReservedRange(start: 16 * mib, end: 20 * mib)], in: Self.firmware)
        #expect(out == [
            E(base: 0, length: 0x9FC00, type: 1), E(base: 0x9FC00, length: 0x400, type: 2),
            E(base: 0xF0000, length: 0x10000, type: 2), E(base: mib, length: 15 * mib, type: 1),
            E(base: 16 * mib, length: 4 * mib, type: 2), E(base: 20 * mib, length: 492 * mib - 0x20000, type: 1),
            E(base: 512 * mib - 0x20000, length: 0x20000, type: 2), E(base: 0xFFFC_0000, length: 0x40000, type: 2),
        ])
    }

    @Test func reservedAtEdgesMergesWithNeighbours() {
        // A range at the end of RAM merges into the reserved entry after it; one at the start of
        // conventional memory shortens it; two touching ranges become one entry.
        let out = E820Map.reserving([ReservedRange(start: 500 * mib, end: 512 * mib - 0x20000),
                                     ReservedRange(start: 0, end: 0x1000),
                                     ReservedRange(start: 2 * mib, end: 3 * mib), ReservedRange(start: 3 * mib, end: 4 * mib)],
                                    in: Self.firmware)
        #expect(out.first == E(base: 0, length: 0x1000, type: 2))
        #expect(out[1] == E(base: 0x1000, length: 0x9FC00 - 0x1000, type: 1))
        #expect(out.contains(E(base: 2 * mib, length: 2 * mib, type: 2)))
        #expect(out.contains(E(base: 500 * mib, length: 12 * mib, type: 2)))
        #expect(!out.contains { $0.base == 512 * mib - 0x20000 })   // merged into the one before
        // Sorted, no overlaps, no empty entries, no two adjacent entries of one type.
        for (a, b) in zip(out, out.dropFirst()) {
            #expect(a.end <= b.base)
            #expect(!(a.end == b.base && a.type == b.type))
        }
        #expect(out.allSatisfy { $0.length > 0 })
    }

    @Test func overlapsGapsAndOtherTypes() {
        // Overlapping firmware entries: the higher type wins; a reserved range over ACPI memory
        // keeps it ACPI; a range in a gap adds nothing.
        let map = [E(base: 0, length: 0x10000, type: 1), E(base: 0x8000, length: 0x10000, type: 3), E(base: 0x40000, length: 0x1000, type: 1)]
        let out = E820Map.reserving([ReservedRange(start: 0x9000, end: 0xA000), ReservedRange(start: 0x20000, end: 0x30000)], in: map)
        #expect(out == [E(base: 0, length: 0x8000, type: 1), E(base: 0x8000, length: 0x10000, type: 3), E(base: 0x40000, length: 0x1000, type: 1)])
        // Empty and inverted inputs are dropped.
        #expect(E820Map.reserving([ReservedRange(start: 5, end: 5)], in: [E(base: 0, length: 0, type: 1), E(base: 0, length: 10, type: 1)])
                == [E(base: 0, length: 10, type: 1)])
    }

    @Test func memorySizesFollowTheAdjustedMap() {
        #expect(E820Map.conventionalKiB(Self.firmware) == 639)
        let low = E820Map.reserving([ReservedRange(start: 0x80000, end: 0x9FC00)], in: Self.firmware)
        #expect(E820Map.conventionalKiB(low) == 512)
        let e801 = E820Map.e801(Self.firmware)
        #expect(e801.kibBelow16M == 15 * 1024)
        #expect(e801.blocksAbove16M == UInt16((496 * mib - 0x20000) / 65536))
        let files = E820Map.reserving([ReservedRange(start: 8 * mib, end: 9 * mib)], in: Self.firmware)
        #expect(E820Map.e801(files) == (kibBelow16M: 7 * 1024, blocksAbove16M: 0))
        #expect(E820Map.extendedKiB(files) == 7 * 1024)
        #expect(E820Map.extendedKiB(Self.firmware) == 0xFFFF)
    }

    @Test func servesE820Calls() {
        let m = BiosTestMemory(size: 1 << 16)
        var seen: [E] = []
        var r = BiosCallRegisters()
        r.ebx = 0
        repeat {
            r.vector = 0x15; r.eax = 0xE820; r.ecx = 24; r.edx = 0x534D_4150; r.es = 0x0100; r.edi = 0x0010
            #expect(E820Map.serve(Self.firmware, &r, memory: m))
            #expect(!r.carry); #expect(r.eax == 0x534D_4150); #expect(r.ecx == 20)
            let b = m.bytes(at: 0x1010, count: 20)!
            seen.append(E(base: b.le64(at: 0)!, length: b.le64(at: 8)!, type: b.le32(at: 16)!))
        } while r.ebx != 0 && seen.count < 100
        #expect(seen == Self.firmware)
        r.vector = 0x15; r.eax = 0xE820; r.ebx = 99; r.ecx = 20; r.edx = 0x534D_4150
        #expect(E820Map.serve(Self.firmware, &r, memory: m)); #expect(r.carry)
        r.eax = 0xE820; r.ebx = 0; r.edx = 0
        #expect(E820Map.serve(Self.firmware, &r, memory: m)); #expect(r.carry)
        r.eax = 0xE801
        #expect(!E820Map.serve(Self.firmware, &r, memory: m))
    }
}
