/// LZNT1 encoder ([MS-XCA] 2.5, rules in Lznt1Format) with greedy matching: each 4 KiB of input
/// becomes one chunk, compressed when that is smaller, stored otherwise; a zero header ends the data.
/// Used to make the compressed `bootmgr` files the BIOS boot tests take bootmgr.exe from.
public enum Lznt1Encoder {
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 2 + 16)
        input.withUnsafeBufferPointer { whole in
            guard let base = whole.baseAddress else { return }
            var start = 0
            while start < whole.count {
                let size = min(Lznt1Format.chunkSize, whole.count - start)
                let chunk = compressChunk(base + start, count: size)
                if chunk.count < size {
                    out.appendLE(Lznt1Format.compressedFlag | Lznt1Format.signature | UInt16(chunk.count - 1))
                    out.append(contentsOf: chunk)
                } else {
                    out.appendLE(Lznt1Format.signature | UInt16(size - 1))
                    out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: size))
                }
                start += size
            }
        }
        out.appendLE(UInt16(0))
        return out
    }

    /// The flag groups of one chunk (matches stay inside the chunk: chunks are independent).
    static func compressChunk(_ data: UnsafePointer<UInt8>, count: Int) -> [UInt8] {
        var out: [UInt8] = []
        var finder = LZMatchFinder(count: count)
        var flagIndex = 0
        var bit = 8
        var pos = 0
        while pos < count {
            if bit == 8 {
                flagIndex = out.count
                out.append(0)
                bit = 0
            }
            var match = (length: 0, offset: 0)
            if pos > 0 {
                let d = Lznt1Format.displacementBits(at: pos)
                match = finder.longest(data, pos, count: count, lowest: 0, maxOffset: 1 << d,
                                       maxLength: Lznt1Format.maximumLength(at: pos))
            }
            if match.length >= Lznt1Format.minimumMatch {
                let lengthBits = 16 - Lznt1Format.displacementBits(at: pos)
                let token = (match.offset - 1) << lengthBits | (match.length - Lznt1Format.minimumMatch)
                out.appendLE(UInt16(token))
                out[flagIndex] |= 1 << UInt8(bit)
                for p in pos..<pos + match.length { finder.insert(data, p, count: count) }
                pos += match.length
            } else {
                out.append(data[pos])
                finder.insert(data, pos, count: count)
                pos += 1
            }
            bit += 1
        }
        return out
    }
}
