/// Constant tables of the LZX format (offset slots, symbol counts).
enum LzxTables {
    static let literalCount = 256
    static let lengthHeaderCount = 8
    /// Length header 7 means "7 + a symbol of the length tree".
    static let lengthTreeSymbolCount = 249
    static let alignedSymbolCount = 8
    static let pretreeSymbolCount = 20
    static let minimumMatch = 2
    static let defaultBlockSize = 32768
    static let maxOffsetSlots = 50

    /// Offset slots needed for a window of 2^order bytes (order 15...21): the first slot
    /// whose base reaches the window size.
    static func offsetSlotCount(windowOrder: Int) -> Int {
        switch windowOrder {
        case 15: return 30
        case 16: return 32
        case 17: return 34
        case 18: return 36
        case 19: return 38
        case 20: return 42
        default: return 50
        }
    }

    /// Extra ("footer") bits read after an offset slot: 0,0,0,0,1,1,2,2,... capped at 17.
    static let footerBits: [UInt8] = (0..<maxOffsetSlots).map { slot in
        slot < 4 ? 0 : UInt8(min(slot / 2 - 1, 17))
    }

    /// First formatted offset of each slot; formatted offset = real offset + 2.
    static let slotBase: [Int32] = {
        var bases = [Int32](repeating: 0, count: maxOffsetSlots)
        for slot in 1..<maxOffsetSlots {
            bases[slot] = bases[slot - 1] + Int32(1) << Int32(footerBits[slot - 1])
        }
        return bases
    }()
}

/// The slot tables as plain memory, for the decoder's hot loop.
final class LzxSlotTable {
    let footerBits: UnsafeMutablePointer<UInt8>
    let base: UnsafeMutablePointer<Int32>

    init() {
        footerBits = .allocate(capacity: LzxTables.maxOffsetSlots)
        base = .allocate(capacity: LzxTables.maxOffsetSlots)
        for slot in 0..<LzxTables.maxOffsetSlots {
            footerBits[slot] = LzxTables.footerBits[slot]
            base[slot] = LzxTables.slotBase[slot]
        }
    }

    deinit {
        footerBits.deallocate()
        base.deallocate()
    }
}
