// The loader's rules, for the C layer: every decision here is BootCore's (LoaderCommandLine,
// LoaderBootManager, LoaderWimChoice, LoaderWimFiles, VirtualDirectories); C only asks.

/// Implemented in C (inputs.c): the name of input `index` (UTF-16, `length` units, no NUL),
/// or nil past the last input.
@_extern(c, "ldr_input_name")
func ldr_input_name(_ index: Int32, _ length: UnsafeMutablePointer<Int>) -> UnsafePointer<UInt16>?

func ldrUnits(_ pointer: UnsafePointer<UInt16>?, _ count: Int) -> [UInt16] {
    guard let pointer, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: pointer, count: count))
}

/// The C layer's input names as bytes (asciiBytes: a non-ASCII unit becomes 0xFF, which no
/// rule's name holds). Bytes, not String: the loader links no String decoding or comparison.
func ldrInputNames() -> [[UInt8]] {
    var names: [[UInt8]] = []
    var length = 0
    while let name = ldr_input_name(Int32(names.count), &length) {
        names.append(asciiBytes(utf16: UnsafeBufferPointer(start: name, count: length)))
    }
    return names
}

/// Parses the load options (`bytes` bytes of UTF-16) of the image loaded from `image` (its file
/// path, `imageLength` units; may be empty). Sets `bits` (LDR_OPT_*) and `index` (0: none
/// given); on LDR_E_REFUSED to the options before the refused word, which it copies to `bad`
/// (NUL-terminated, cut to fit).
@_cdecl("ldr_cmdline_parse")
public func ldrCmdlineParse(_ options: UnsafePointer<UInt16>?, _ bytes: Int, _ image: UnsafePointer<UInt16>?, _ imageLength: Int,
                            _ bits: UnsafeMutablePointer<UInt32>, _ index: UnsafeMutablePointer<Int>,
                            _ bad: UnsafeMutablePointer<UInt16>, _ badCapacity: Int) -> Int32 {
    let imageUnits = ldrUnits(image, imageLength)
    let start = LoaderCommandLine.afterLast(imageUnits) { $0 == 0x5C || $0 == 0x2F }
    let name = imageUnits.withUnsafeBufferPointer { asciiBytes(utf16: UnsafeBufferPointer(rebasing: $0[start...])) }
    ldrLoaderName = name.isEmpty ? nil : name
    do throws(LoaderCommandLineRefusal) {
        let parsed = try LoaderCommandLine.parse(ldrUnits(options, bytes / 2), imagePath: ldrUnits(image, imageLength))
        bits.pointee = parsed.bits
        index.pointee = parsed.index ?? 0
        return LoaderBridgeStatus.ok.rawValue
    } catch {
        bits.pointee = error.optionsBefore.bits
        index.pointee = error.optionsBefore.index ?? 0
        ldrCopy(error.word, to: bad, capacity: badCapacity)
        return LoaderBridgeStatus.refused.rawValue
    }
}

/// 1 when a file named `name` (UTF-16, `length` units) cannot be served: a directory of the
/// virtual disk has that name.
@_cdecl("ldr_name_reserved")
public func ldrNameReserved(_ name: UnsafePointer<UInt16>, _ length: Int) -> Int32 {
    VirtualDirectories.isReserved(asciiBytes(utf16: UnsafeBufferPointer(start: name, count: length))) ? 1 : 0
}

/// The input that is boot manager candidate `n` (0: the first to try; bootx64.efi alone, else
/// bootmgfw_EX.efi then bootmgfw.efi), or -1 past the last.
@_cdecl("ldr_boot_manager_input")
public func ldrBootManagerInput(_ n: Int32) -> Int32 {
    let candidates = LoaderBootManager.candidates(among: ldrInputNames())
    return n >= 0 && Int(n) < candidates.count ? Int32(candidates[Int(n)]) : -1
}

/// The input that is the WIM to take missing files from (boot.wim, else the first *.wim), or -1.
@_cdecl("ldr_wim_input")
public func ldrWimInput() -> Int32 {
    LoaderWimChoice.wim(among: ldrInputNames()).map { Int32($0) } ?? -1
}

/// Entry `slot` of the files taken from the WIM, when the inputs lack it: copies its path in
/// the image (ASCII) to `path` and its served name (UTF-16) to `name`, both NUL-terminated and
/// cut to fit. Returns 1 wanted, 2 a boot manager candidate and none is supplied (the boot stops
/// with none at all), 3 wanted if the WIM has it (LoaderWimFiles.isOptional), 0 supplied already
/// (or not wanted), -1 past the last entry.
@_cdecl("ldr_wim_wanted")
public func ldrWimWanted(_ slot: Int, _ path: UnsafeMutablePointer<UInt8>, _ pathCapacity: Int,
                         _ name: UnsafeMutablePointer<UInt16>, _ nameCapacity: Int) -> Int32 {
    guard slot >= 0, slot < LoaderWimFiles.all.count else { return -1 }
    let file = LoaderWimFiles.all[slot]
    let inputs = ldrInputNames()
    guard LoaderWimFiles.isWanted(file, inputs: inputs) else { return 0 }
    ldrCopy(Array(file.path.utf8), to: path, capacity: pathCapacity)
    ldrCopy(file.name.utf8.map { UInt16($0) }, to: name, capacity: nameCapacity)   // ASCII
    return LoaderWimFiles.isOptional(file, inputs: inputs) ? 3 : file.isBootManager ? 2 : 1
}

/// Copies `units` to `buffer` NUL-terminated, cut to fit `capacity` (nothing when it is 0).
func ldrCopy<Unit: FixedWidthInteger>(_ units: [Unit], to buffer: UnsafeMutablePointer<Unit>, capacity: Int) {
    guard capacity > 0 else { return }
    let n = min(units.count, capacity - 1)
    for i in 0..<n { buffer[i] = units[i] }
    buffer[n] = 0
}
