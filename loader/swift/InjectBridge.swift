// What the disk built by ldr_vdisk_build injected into the WIM (BootCore's LoaderInjection),
// for the C layer's `LOADER inject ...` lines. C prints; the rule is BootCore's.

/// The loader's own file name (the last component of its image path, ASCII bytes), set by
/// ldr_cmdline_parse: never injected.
nonisolated(unsafe) var ldrLoaderName: [UInt8]? = nil

/// The C input index of the WIM served patched, its size and image in `size`/`image`; -1 when
/// the WIM is served as it is.
@_cdecl("ldr_vdisk_patched_wim")
public func ldrVdiskPatchedWim(_ size: UnsafeMutablePointer<UInt64>, _ image: UnsafeMutablePointer<Int>) -> Int32 {
    guard let injection = ldrInjection, let wim = injection.wimInput, let view = injection.view else { return -1 }
    size.pointee = view.size
    image.pointee = view.imageIndex
    return ldrSources[wim].index
}

/// The C input index of injected file `n` (in order), -1 past the last; `replaces` is set to 1
/// when it replaces a file of the image's `\Windows\System32`.
@_cdecl("ldr_vdisk_injected")
public func ldrVdiskInjected(_ n: Int, _ replaces: UnsafeMutablePointer<Int32>) -> Int32 {
    guard let injection = ldrInjection, let view = injection.view, n >= 0, n < injection.injected.count else { return -1 }
    replaces.pointee = view.files[n].replacesExisting ? 1 : 0
    return ldrSources[injection.injected[n]].index
}

/// 1 when files were to be injected but the WIM is served unpatched: the reason (one line,
/// NUL-terminated, cut to fit) is copied to `buffer`. 0 otherwise.
@_cdecl("ldr_vdisk_inject_problem")
public func ldrVdiskInjectProblem(_ buffer: UnsafeMutablePointer<UInt8>, _ capacity: Int) -> Int32 {
    guard let problem = ldrInjection?.problem else { return 0 }
    ldrCopy(Array(problem.message.utf8), to: buffer, capacity: capacity)
    return 1
}
