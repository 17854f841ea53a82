// libFuzzer target: one XPRESS Huffman chunk. The first two bytes choose the expected
// uncompressed size (1...65536), the rest is the compressed chunk.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXpressOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let outputCount = (Int(data[0]) | Int(data[1]) << 8) + 1
    var decoder = XpressDecoder()
    var output = [UInt8](repeating: 0, count: outputCount)
    let input = UnsafeRawBufferPointer(start: data + 2, count: size - 2)
    output.withUnsafeMutableBytes { out in
        _ = try? decoder.decompress(input, into: out)
        // Decoder state is reused across chunks in the WIM reader: decode again.
        _ = try? decoder.decompress(input, into: UnsafeMutableRawBufferPointer(rebasing: out[0..<(outputCount / 2)]))
    }
    return 0
}
