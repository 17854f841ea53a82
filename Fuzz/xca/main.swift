// libFuzzer entry for BootCore's XCA (LZ77+Huffman stream) decoder: any bytes decode or give a
// DecompressionError, never a crash; whatever decodes re-encodes and decodes back to the same bytes.
// Built by scripts/test.d/31-fuzz-payload.sh with BootCore's Support and Compression sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXca(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var out = [UInt8](repeating: 0, count: 1 << 18)
    var decoder = XcaDecoder()
    let produced = bytes.withUnsafeBytes { input in
        out.withUnsafeMutableBytes { output in try? decoder.decompress(input, into: output) }
    }
    guard let produced else { return 0 }
    precondition(produced <= out.count)
    let decoded = Array(out[0..<produced])
    let again = XcaEncoder.compress(decoded)
    var back = [UInt8](repeating: 0, count: produced)
    let n = again.withUnsafeBytes { input in
        back.withUnsafeMutableBytes { output in try? decoder.decompress(input, into: output) }
    }
    precondition(n == produced && back == decoded, "XCA re-encoding did not round-trip")
    return 0
}
