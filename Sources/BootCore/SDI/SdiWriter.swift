/// Builds an SDI around a partition image (normally NTFS, as WinPE's boot.sdi): header page,
/// the PART blob at the first aligned offset, and the empty WIM slot at the aligned end.
public enum SdiWriter {
    public enum WriteError: Error, Equatable {
        case emptyPartition
        case badPageAlignment
    }

    /// Where the writer puts things, for a partition of `partitionSize` bytes.
    public struct Layout: Equatable {
        public let partitionOffset: UInt64
        public let partitionSize: UInt64
        /// Offset of the empty WIM slot, which is also the size of the file.
        public let wimSlotOffset: UInt64
    }

    public static func layout(partitionSize: UInt64, pageAlignment: UInt64 = 1) throws(WriteError) -> Layout {
        guard partitionSize > 0 else { throw .emptyPartition }
        guard (1...0x10000).contains(pageAlignment) else { throw .badPageAlignment }
        let align = pageAlignment * SdiFormat.pageSize
        let partitionOffset = alignUp(SdiFormat.headerPageSize, align)
        let (end, overflow) = partitionOffset.addingReportingOverflow(partitionSize)
        guard !overflow, end < UInt64.max - align else { throw .emptyPartition }
        return Layout(partitionOffset: partitionOffset, partitionSize: partitionSize, wimSlotOffset: alignUp(end, align))
    }

    /// The 4096-byte header page for `layout`: signature, PageAlignment, checksum, and two TOC
    /// records — PART (record 0, partition type in the base address) and the empty WIM slot.
    public static func headerPage(_ layout: Layout, pageAlignment: UInt64 = 1,
                                  partitionType: UInt64 = SdiFormat.ntfsPartitionType) -> [UInt8] {
        var page = [UInt8](repeating: 0, count: Int(SdiFormat.headerPageSize))
        page.replaceSubrange(0..<8, with: SdiFormat.signature)
        page.putLE(pageAlignment, at: SdiFormat.pageAlignmentOffset)
        putRecord(&page, record: 0, type: "PART", offset: layout.partitionOffset, size: layout.partitionSize, baseAddress: partitionType)
        putRecord(&page, record: 1, type: "WIM", offset: layout.wimSlotOffset, size: 0, baseAddress: 0)
        page[SdiFormat.checksumOffset] = SdiFormat.checksum(ofHeader: page)
        return page
    }

    /// A whole SDI image around `partition` (for tests and demos; big images should write
    /// `headerPage` and then stream the partition at `layout.partitionOffset`).
    public static func image(partition: [UInt8], pageAlignment: UInt64 = 1,
                             partitionType: UInt64 = SdiFormat.ntfsPartitionType) throws(WriteError) -> [UInt8] {
        let l = try layout(partitionSize: UInt64(partition.count), pageAlignment: pageAlignment)
        var out = headerPage(l, pageAlignment: pageAlignment, partitionType: partitionType)
        out += [UInt8](repeating: 0, count: Int(l.partitionOffset) - out.count)
        out += partition
        out += [UInt8](repeating: 0, count: Int(l.wimSlotOffset) - out.count)
        return out
    }

    static func putRecord(_ page: inout [UInt8], record: Int, type: String, offset: UInt64, size: UInt64, baseAddress: UInt64) {
        let base = SdiFormat.tocOffset + record * SdiFormat.tocRecordSize
        for (i, b) in type.utf8.enumerated() { page[base + i] = b }
        page.putLE(offset, at: base + 0x10)
        page.putLE(size, at: base + 0x18)
        page.putLE(baseAddress, at: base + 0x20)
    }

    static func alignUp(_ value: UInt64, _ alignment: UInt64) -> UInt64 {
        (value + alignment - 1) / alignment * alignment
    }
}
