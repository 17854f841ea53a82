// libFuzzer entry for BootCore's SDI reader: any bytes must give a report, never a crash.
// Built by scripts/test.d/31-fuzz-payload.sh together with BootCore's Support and SDI sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSdi(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let report = SdiReader.read(MemorySource(bytes))
    // Every blob the report accepted must lie inside the input when no error was reported.
    if report.isValid {
        for blob in report.blobs { precondition(blob.offset <= UInt64(size) && blob.size <= UInt64(size) - blob.offset) }
    }
    return 0
}
