/// LZNT1 decoder ([MS-XCA] 2.5, rules in Lznt1Format): the compressed form the PCAT `bootmgr`
/// may embed its bootmgr.exe in. The decoded size is not stored: decoding runs to a zero chunk
/// header or the end of the input, and returns how many bytes it produced.
public enum Lznt1Decoder {
    /// Decodes `input` into `output`; returns the decoded size. A chunk that decodes to fewer than
    /// 4096 bytes and is followed by another is padded with zeros to 4096 (chunks sit at 4 KiB
    /// steps of the output, as NTFS compression units store them).
    public static func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(DecompressionError) -> Int {
        var inPos = 0
        var outPos = 0
        let chunk = Lznt1Format.chunkSize
        while input.count - inPos >= 2 {
            let header = UInt16(input[inPos]) | UInt16(input[inPos + 1]) << 8
            if header == 0 { break }
            guard header & Lznt1Format.signatureMask == Lznt1Format.signature else { throw .invalidBlock }
            let dataSize = Int(header & Lznt1Format.sizeMask) + 1
            let dataStart = inPos + 2
            guard dataSize <= input.count - dataStart else { throw .truncatedInput }
            // The previous chunk's short tail, if any, is zeros up to the 4 KiB step.
            let chunkStart = (outPos + chunk - 1) / chunk * chunk
            guard chunkStart <= output.count else { throw .outputOverflow }
            for i in outPos..<chunkStart { output[i] = 0 }
            outPos = chunkStart
            let data = UnsafeRawBufferPointer(rebasing: input[dataStart..<dataStart + dataSize])
            if header & Lznt1Format.compressedFlag == 0 {
                guard dataSize <= chunk else { throw .invalidBlock }
                guard dataSize <= output.count - outPos else { throw .outputOverflow }
                UnsafeMutableRawBufferPointer(rebasing: output[outPos..<outPos + dataSize]).copyMemory(from: data)
                outPos += dataSize
            } else {
                outPos = try decodeChunk(data, into: output, at: outPos)
            }
            inPos = dataStart + dataSize
        }
        return outPos
    }

    /// One compressed chunk's flag groups, written at `start`; returns the new output position.
    static func decodeChunk(
        _ data: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, at start: Int
    ) throws(DecompressionError) -> Int {
        let chunkEnd = start + Lznt1Format.chunkSize
        var pos = start
        var i = 0
        while i < data.count {
            let flags = data[i]
            i += 1
            for bit in 0..<8 {
                if i >= data.count { break }
                if flags & (1 << bit) == 0 {
                    guard pos < chunkEnd else { throw .invalidMatch }
                    guard pos < output.count else { throw .outputOverflow }
                    output[pos] = data[i]
                    pos += 1
                    i += 1
                    continue
                }
                guard data.count - i >= 2 else { throw .truncatedInput }
                let token = Int(data[i]) | Int(data[i + 1]) << 8
                i += 2
                let u = pos - start
                guard u > 0 else { throw .invalidMatch }
                let lengthBits = 16 - Lznt1Format.displacementBits(at: u)
                let offset = (token >> lengthBits) + 1
                let length = (token & ((1 << lengthBits) - 1)) + Lznt1Format.minimumMatch
                guard offset <= u, length <= chunkEnd - pos else { throw .invalidMatch }
                guard length <= output.count - pos else { throw .outputOverflow }
                copyLZMatch(output.baseAddress!.assumingMemoryBound(to: UInt8.self), at: pos, offset: offset, length: length)
                pos += length
            }
        }
        return pos
    }
}
