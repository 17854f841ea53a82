// libFuzzer target: one LZX chunk. Byte 0 chooses the window (32 KiB ... 2 MiB), bytes
// 1-3 the expected uncompressed size within it, the rest is the compressed chunk.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLzxOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 4 else { return 0 }
    let chunkSize = 1 << (15 + Int(data[0]) % 7)
    let outputCount = (Int(data[1]) | Int(data[2]) << 8 | Int(data[3]) << 16) % chunkSize + 1
    guard var decoder = try? LzxDecoder(chunkSize: chunkSize) else { return 0 }
    var output = [UInt8](repeating: 0, count: outputCount)
    let input = UnsafeRawBufferPointer(start: data + 4, count: size - 4)
    output.withUnsafeMutableBytes { out in
        _ = try? decoder.decompress(input, into: out)
        _ = try? decoder.decompress(input, into: UnsafeMutableRawBufferPointer(rebasing: out[0..<((outputCount + 1) / 2)]))
    }
    return 0
}
