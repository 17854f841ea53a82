/// Big data ("db" cell, hive format 1.4+), for values over 16344 bytes: segment count u16 at
/// 0x02, the cell of the segment list at 0x04; each listed cell holds up to 16344 bytes.
extension RegistryHive {
    static let bigDataSegment = 16344

    func bigData(_ db: Range<Int>, size: Int) throws(RegistryError) -> [UInt8] {
        guard let count = u16(db, 0x02), let listCell = u32(db, 0x04) else { throw .badCell(offset: db.lowerBound - 4) }
        let list = try cellData(listCell)
        var out: [UInt8] = []
        for i in 0..<Int(count) where out.count < size {
            guard let cell = u32(list, i * 4) else { throw .badCell(offset: list.lowerBound - 4) }
            let segment = try cellData(cell)
            let take = min(RegistryHive.bigDataSegment, segment.count, size - out.count)
            out += bytes[segment.lowerBound..<segment.lowerBound + take]
        }
        guard out.count == size else { throw .badCell(offset: db.lowerBound - 4) }
        return out
    }
}
