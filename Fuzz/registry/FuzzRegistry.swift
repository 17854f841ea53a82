// libFuzzer entry for BootCore's registry hive reader and the BCD boot-target resolver (what
// the STAND-IN boot manager runs on the BCD it is served): any bytes give a result or an
// error, never a crash or a hang. Built by scripts/test.d/31-fuzz-payload.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? BcdBootTarget.resolve(bytes)
    guard let hive = try? RegistryHive(bytes: bytes), let root = try? hive.rootKey() else { return 0 }
    // Walk the whole tree (bounded, as a hostile hive may loop) and read every value's data.
    var pending = [(root, 0)]
    var visited = 0
    while let (key, depth) = pending.popLast(), visited < 4096 {
        visited += 1
        for value in (try? hive.values(of: key)) ?? [] {
            if let data = try? hive.data(of: value) { precondition(data.count <= size) }
        }
        guard depth < 16 else { continue }
        for child in (try? hive.subkeys(of: key)) ?? [] { pending.append((child, depth + 1)) }
    }
    return 0
}
