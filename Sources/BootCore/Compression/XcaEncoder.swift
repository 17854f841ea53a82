/// LZ77+Huffman encoder ([MS-XCA] 2.1) producing the stream XcaDecoder reads: greedy matches
/// (up to 65535 back, across blocks too, never across a 64 KiB block boundary), one Huffman code
/// per block, the end-of-data symbol (256) after the last byte. Symbol 256 as a match (offset 1,
/// length 3) is never written, so the end mark is unambiguous. Used to make the compressed
/// `bootmgr` files the BIOS boot tests take bootmgr.exe from.
public enum XcaEncoder {
    static let maxOffset = 65535
    static let maxLength = 65538
    static let endOfData = 256

    enum Item {
        case literal(UInt8)
        case match(length: Int, offset: Int)
    }

    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 2 + 300)
        input.withUnsafeBufferPointer { whole in
            var finder = LZMatchFinder(count: whole.count)
            var blockStart = 0
            repeat {
                let blockEnd = min(blockStart + XcaDecoder.blockSize, whole.count)
                var items: [Item] = []
                var pos = blockStart
                while pos < blockEnd, let base = whole.baseAddress {
                    let m = finder.longest(base, pos, count: whole.count, lowest: 0, maxOffset: maxOffset,
                                           maxLength: min(maxLength, blockEnd - pos))
                    if m.length >= 3 && !(m.length == 3 && m.offset == 1) {
                        items.append(.match(length: m.length, offset: m.offset))
                        for p in pos..<pos + m.length { finder.insert(base, p, count: whole.count) }
                        pos += m.length
                    } else {
                        items.append(.literal(base[pos]))
                        finder.insert(base, pos, count: whole.count)
                        pos += 1
                    }
                }
                out = writeBlock(items, last: blockEnd == whole.count, to: out)
                blockStart = blockEnd
            } while blockStart < whole.count
        }
        return out
    }

    /// Symbol of a match: 256 + 16 x (bit width of the offset - 1) + min(length - 3, 15).
    static func symbol(_ length: Int, _ offset: Int) -> Int {
        256 + 16 * (Int.bitWidth - 1 - offset.leadingZeroBitCount) + min(length - 3, 15)
    }

    static func writeBlock(_ items: [Item], last: Bool, to out: [UInt8]) -> [UInt8] {
        var freq = [Int](repeating: 0, count: 512)
        for item in items {
            switch item {
            case .literal(let b): freq[Int(b)] += 1
            case .match(let length, let offset): freq[symbol(length, offset)] += 1
            }
        }
        if last { freq[endOfData] += 1 }
        let lengths = HuffmanCodeBuilder.lengths(freq, maxLength: 15)
        let codes = HuffmanCodeBuilder.codes(lengths, maxLength: 15)
        var table = out
        for k in 0..<256 { table.append(lengths[2 * k] | lengths[2 * k + 1] << 4) }
        var bits = XcaBitWriter(appendingTo: table)
        for item in items {
            switch item {
            case .literal(let b):
                bits.put(codes[Int(b)], Int(lengths[Int(b)]))
            case .match(let length, let offset):
                let s = symbol(length, offset)
                bits.put(codes[s], Int(lengths[s]))
                // Lengths of 18 and more: a byte (length - 18), or 255 and 16 bits (length - 3).
                if length - 3 >= 15 {
                    if length - 18 < 255 {
                        bits.putByte(UInt8(length - 18))
                    } else {
                        bits.putByte(255)
                        bits.putByte(UInt8(truncatingIfNeeded: length - 3))
                        bits.putByte(UInt8(truncatingIfNeeded: (length - 3) >> 8))
                    }
                }
                let offsetBits = Int.bitWidth - 1 - offset.leadingZeroBitCount
                bits.put(offset - (1 << offsetBits), offsetBits)
            }
        }
        if last { bits.put(codes[endOfData], Int(lengths[endOfData])) }
        return bits.finish()
    }
}
