/// Placing a parsed image in memory as a PE loader does: headers and section data copied to
/// their RVAs, the rest of SizeOfImage zeroed, base relocations applied for the chosen address.
extension PEImage {
    /// Relocation types (high 4 bits of each 16-bit entry of a base relocation block).
    public static let relocationAbsolute: UInt16 = 0
    public static let relocationHighLow: UInt16 = 3
    public static let relocationDir64: UInt16 = 10

    /// Lays the image out into `buffer` (at least `sizeOfImage` bytes) as if loaded at `base`.
    /// `source` must be the file the headers were parsed from.
    public func layOut<Source: ByteSource>(
        _ source: Source, at base: UInt64, into buffer: UnsafeMutableRawBufferPointer
    ) throws(PEError) {
        guard source.count == fileSize else { throw .truncated }
        // Compared as UInt64: on i686 a SizeOfImage above 2 GiB does not fit an Int.
        guard UInt64(buffer.count) >= UInt64(sizeOfImage), let start = buffer.baseAddress else {
            if sizeOfImage == 0 && buffer.count == 0 { return }
            throw .bufferTooSmall
        }
        let (end, wrapped) = base.addingReportingOverflow(UInt64(sizeOfImage))
        guard !wrapped, isPE32Plus || end <= 0x1_0000_0000 else { throw .badBase }
        if base != imageBase && characteristics & Self.relocsStripped != 0 { throw .notRelocatable }
        let image = UnsafeMutableRawBufferPointer(start: start, count: Int(sizeOfImage))
        image.initializeMemory(as: UInt8.self, repeating: 0)
        guard source.read(at: 0, into: UnsafeMutableRawBufferPointer(rebasing: image[0..<Int(sizeOfHeaders)])) else { throw .truncated }
        for (i, s) in sections.enumerated() where s.copiedSize > 0 {
            let at = Int(s.virtualAddress)
            let part = UnsafeMutableRawBufferPointer(rebasing: image[at..<at + Int(s.copiedSize)])
            guard source.read(at: UInt64(s.rawOffset), into: part) else { throw .badSection(i) }
        }
        try relocate(image, by: base &- imageBase)
    }

    /// Applies the base relocation blocks found in the laid-out `image`: each block is a page RVA
    /// (4 bytes), the block size including this 8-byte header (4 bytes), then 16-bit entries of
    /// type (high 4 bits) and offset in the page (low 12 bits). The delta wraps (2's complement).
    func relocate(_ image: UnsafeMutableRawBufferPointer, by delta: UInt64) throws(PEError) {
        guard let dir = baseRelocations else { return }
        let size = UInt64(image.count)
        var at = UInt64(dir.rva)
        let end = at + UInt64(dir.size)
        guard end <= size else { throw .badRelocationBlock }
        while at < end {
            guard end - at >= 8 else { throw .badRelocationBlock }
            let page = UInt64(load32(image, at)), blockSize = UInt64(load32(image, at + 4))
            // Some linkers pad the directory with zeros after the last block.
            if page == 0 && blockSize == 0 { break }
            guard blockSize >= 8, blockSize <= end - at, blockSize % 2 == 0 else { throw .badRelocationBlock }
            var entry = at + 8
            while entry < at + blockSize {
                let value = UInt16(truncatingIfNeeded: load32(image, entry) & 0xFFFF)
                let type = value >> 12
                let target = page + UInt64(value & 0x0FFF)
                switch type {
                case Self.relocationAbsolute:
                    break
                case Self.relocationHighLow where !isPE32Plus:
                    guard target + 4 <= size else { throw .relocationOutsideImage }
                    store32(image, target, load32(image, target) &+ UInt32(truncatingIfNeeded: delta))
                case Self.relocationDir64 where isPE32Plus:
                    guard target + 8 <= size else { throw .relocationOutsideImage }
                    let low = UInt64(load32(image, target)), high = UInt64(load32(image, target + 4))
                    let value64 = (low | high << 32) &+ delta
                    store32(image, target, UInt32(truncatingIfNeeded: value64))
                    store32(image, target + 4, UInt32(truncatingIfNeeded: value64 >> 32))
                default:
                    throw .unsupportedRelocation(type)
                }
                entry += 2
            }
            at += blockSize
        }
    }
}

/// Little-endian 32-bit access to the image; fewer than 4 bytes left read as zero bytes
/// (callers check the range first; relocation entries are 2 bytes and may end the image).
private func load32(_ image: UnsafeMutableRawBufferPointer, _ at: UInt64) -> UInt32 {
    var value: UInt32 = 0
    for i in 0..<4 where at + UInt64(i) < UInt64(image.count) {
        value |= UInt32(image[Int(at) + i]) << (8 * UInt32(i))
    }
    return value
}

private func store32(_ image: UnsafeMutableRawBufferPointer, _ at: UInt64, _ value: UInt32) {
    for i in 0..<4 { image[Int(at) + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
}
