/// Cells in file order, and the references between them, laid out into hive bins once all
/// are known. A cell never crosses a bin; bins are 4096 bytes (larger only for a cell that
/// needs it). When the next cell does not fit, the last cell of the bin takes the rest of the
/// bin as slack (an allocated cell may be larger than its record), so the only free cell of
/// the image is the tail of the last bin. Data segments of big values are never enlarged:
/// hivex reads a segment's length from its cell size; before one of those a free cell stays.
struct RegistryCellPlan {
    enum Target {
        case cell(Int)
        case key(Int)
        case security(Int)
    }

    private struct Cell {
        var body: [UInt8]
        var canGrow: Bool
    }

    private struct Fixup {
        var cell: Int
        var field: Int
        var target: Target
    }

    static let binSize = 4096
    static let binHeader = 32

    private var cells: [Cell] = []
    private var fixups: [Fixup] = []
    var keyCells: [Int]
    var securityCells: [Int]

    init(keys: Int, descriptors: Int) {
        keyCells = [Int](repeating: -1, count: keys)
        securityCells = [Int](repeating: -1, count: descriptors)
    }

    mutating func add(_ body: [UInt8], canGrow: Bool = true) -> Int {
        cells.append(Cell(body: body, canGrow: canGrow))
        return cells.count - 1
    }

    /// The u32 at `field` of `cell`'s data becomes the cell offset of `target`.
    mutating func refer(_ cell: Int, at field: Int, to target: Target) {
        fixups.append(Fixup(cell: cell, field: field, target: target))
    }

    struct Layout {
        var offsets: [Int]
        var sizes: [Int]
        var bins: [(start: Int, size: Int)]
        var freeCells: [(start: Int, size: Int)]
        var total: Int
    }

    func layout() -> Layout {
        var out = Layout(offsets: [], sizes: [], bins: [], freeCells: [], total: 0)
        var position = 0
        var binEnd = 0
        var lastInBin: Int? = nil
        func closeBin(_ out: inout Layout) {
            let gap = binEnd - position
            guard gap > 0 else { return }
            if let last = lastInBin, cells[last].canGrow { out.sizes[last] += gap } else { out.freeCells.append((position, gap)) }
        }
        for (i, cell) in cells.enumerated() {
            let size = (cell.body.count + 4 + 7) & ~7
            if out.bins.isEmpty || position + size > binEnd {
                if !out.bins.isEmpty { closeBin(&out) }
                let start = binEnd
                let binSize = max(RegistryCellPlan.binSize, (RegistryCellPlan.binHeader + size + RegistryCellPlan.binSize - 1) / RegistryCellPlan.binSize * RegistryCellPlan.binSize)
                out.bins.append((start, binSize))
                binEnd = start + binSize
                position = start + RegistryCellPlan.binHeader
                lastInBin = nil
            }
            out.offsets.append(position)
            out.sizes.append(size)
            position += size
            lastInBin = i
        }
        if out.bins.isEmpty {
            out.bins.append((0, RegistryCellPlan.binSize))
            position = RegistryCellPlan.binHeader
            binEnd = RegistryCellPlan.binSize
        }
        // The last bin's tail stays free (a positive size), for the next cells Windows adds.
        let tail = binEnd - position
        if tail > 0 { out.freeCells.append((position, tail)) }
        out.total = binEnd
        return out
    }

    /// The hive bins data (what follows the base block), with every reference resolved.
    func bins(_ layout: Layout, timestamp: UInt64) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: layout.total)
        for (index, bin) in layout.bins.enumerated() {
            // hbin header: signature, offset from the first bin, size, 8 reserved, timestamp, spare.
            out.replaceSubrange(bin.start..<bin.start + 4, with: Array("hbin".utf8))
            out.putLE(UInt32(bin.start), at: bin.start + 4)
            out.putLE(UInt32(bin.size), at: bin.start + 8)
            if index == 0 { out.putLE(timestamp, at: bin.start + 0x14) }
        }
        for (i, cell) in cells.enumerated() {
            let start = layout.offsets[i]
            out.putLE(UInt32(bitPattern: -Int32(layout.sizes[i])), at: start)
            out.replaceSubrange(start + 4..<start + 4 + cell.body.count, with: cell.body)
        }
        for free in layout.freeCells { out.putLE(UInt32(free.size), at: free.start) }
        for fixup in fixups {
            let targetCell: Int
            switch fixup.target {
            case .cell(let c): targetCell = c
            case .key(let k): targetCell = keyCells[k]
            case .security(let s): targetCell = securityCells[s]
            }
            out.putLE(UInt32(layout.offsets[targetCell]), at: layout.offsets[fixup.cell] + 4 + fixup.field)
        }
        return out
    }
}
