// libFuzzer entry for BootCore's PE image parser and layout: any bytes must give a PEImage or a
// PEError, never a crash. Built by scripts/test.d/31-fuzz-payload.sh with Support and PE sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let source = MemorySource(bytes)
    guard let image = try? PEImage(source) else { return 0 }
    // What the parser accepted is inside the file and the image.
    precondition(UInt64(image.sizeOfHeaders) <= UInt64(size) && image.sizeOfHeaders <= image.sizeOfImage)
    for s in image.sections {
        precondition(UInt64(s.virtualAddress) + UInt64(s.memorySize) <= UInt64(image.sizeOfImage))
        precondition(s.copiedSize == 0 || UInt64(s.rawOffset) + UInt64(s.copiedSize) <= UInt64(size))
    }
    // Lay out (bounded) at the linked base and at another: relocation reads must stay in range.
    guard image.sizeOfImage <= 4 << 20 else { return 0 }
    var buffer = [UInt8](repeating: 0, count: Int(image.sizeOfImage))
    for base in [image.imageBase, 0x20_0000] {
        buffer.withUnsafeMutableBytes { out in _ = try? image.layOut(source, at: base, into: out) }
    }
    return 0
}
