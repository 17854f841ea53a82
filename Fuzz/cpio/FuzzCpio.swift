// libFuzzer entry for BootCore's newc cpio reader: any bytes must list or throw, never crash,
// and every listed member's data must lie inside the input.
// Built by scripts/test.d/31-fuzz-payload.sh together with BootCore's Support and Cpio sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCpio(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let source = MemorySource(bytes)
    do {
        for entry in try CpioReader.entries(of: source) {
            precondition(entry.dataOffset <= source.count && entry.size <= source.count - entry.dataOffset)
            precondition(source.bytes(at: entry.dataOffset, length: Int(entry.size)) != nil)
        }
    } catch {
        _ = error.message
    }
    return 0
}
