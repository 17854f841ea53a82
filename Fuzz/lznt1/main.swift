// libFuzzer entry for BootCore's LZNT1 decoder: any bytes decode or give a DecompressionError,
// never a crash; whatever decodes re-encodes and decodes back to the same bytes.
// Built by scripts/test.d/31-fuzz-payload.sh with BootCore's Support and Compression sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLznt1(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var out = [UInt8](repeating: 0, count: 1 << 18)
    let produced = bytes.withUnsafeBytes { input in
        out.withUnsafeMutableBytes { output in try? Lznt1Decoder.decompress(input, into: output) }
    }
    guard let produced else { return 0 }
    precondition(produced <= out.count)
    let decoded = Array(out[0..<produced])
    let again = Lznt1Encoder.compress(decoded)
    var back = [UInt8](repeating: 0, count: produced)
    let n = again.withUnsafeBytes { input in
        back.withUnsafeMutableBytes { output in try? Lznt1Decoder.decompress(input, into: output) }
    }
    precondition(n == produced && back == decoded, "LZNT1 re-encoding did not round-trip")
    return 0
}
