// libFuzzer target: the WIM injector (issue 20) over arbitrary WIM bytes, with names, sizes
// and contents taken from the input's last 8 bytes (seed WIMs are used as they are). When the
// injector accepts, its result must read back through BootCore's reader: every injected file
// byte-identical under \Windows\System32, every kept child still listed, the spans tiling the
// file. A mismatch traps, like any crash or sanitizer report; refusals are fine.

let names: [[UInt16]] = [
    Array("startnet.cmd".utf16), Array("WINLOAD.EFI".utf16), Array("winpeshl.ini".utf16), Array("a:b".utf16), [],
    Array("..".utf16), [UInt16](repeating: 0x78, count: 300), Array("Ünïcode.txt".utf16), Array("winload.efi".utf16),
    Array("setup.txt".utf16), Array("x ".utf16), Array("ONE".utf16),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWimInjectOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard bytes.count > 8 else { return 0 }
    let control = Array(bytes[(bytes.count - 8)...])
    let source = MemorySource(bytes)
    guard let archive = try? WIMArchive(source: source) else { return 0 }
    var files: [WIMInjectedFile<MemorySource>] = []
    for k in 0..<Int(control[0] % 4) {
        let length = Int(control[1 + k]) * Int(control[4 + k] % 8 + 1) * 37 % 70000
        var content = [UInt8](repeating: 0, count: length)
        var state = UInt32(control[7]) &+ UInt32(k) &* 0x9E37_79B9
        for i in 0..<length {
            state = state &* 1_103_515_245 &+ 12345
            content[i] = UInt8(truncatingIfNeeded: state >> 16)
        }
        files.append(WIMInjectedFile(name: names[Int(control[1 + k]) % names.count], source: MemorySource(content)))
    }
    let index = Int(control[7] % 3) + 1
    guard let view = try? archive.injecting(files, intoImage: index) else { return 0 }

    var at: UInt64 = 0
    for span in view.spans {
        precondition(span.start == at && span.length > 0, "spans do not tile the patched WIM")
        at += span.length
    }
    precondition(at == view.size && view.size <= UInt64(UInt32.max), "patched size")
    let patched = WIMPatchedSource(view: view, wim: source, files: files.map(\.source))
    guard let whole = patched.bytes(at: 0, length: Int(view.size)) else { preconditionFailure("patched WIM unreadable") }
    // The patched WIM through the reader, from memory (not through the spans again).
    let reread: WIMArchive<MemorySource>
    let image: WIMImage
    let system32: WIMDirectoryEntry
    do throws(WIMError) {
        reread = try WIMArchive(source: MemorySource(whole))
        image = try reread.image(index)
        system32 = try image.lookup("\\Windows\\System32")
    } catch { preconditionFailure("patched WIM does not open: \(error.message)") }
    precondition(reread.info.bootIndex == index, "boot index")
    guard let children = try? image.listDirectory(system32) else { preconditionFailure("System32 unlistable") }
    for file in files {
        var found = 0
        for child in children where child.nameUTF16 == file.name { found += 1 }
        precondition(found == 1, "injected file listed \(found) times")
        guard let entry = try? image.lookup(utf16: Array("\\Windows\\System32\\".utf16) + file.name),
              let content = try? reread.readAll(entry)
        else { preconditionFailure("injected file unreadable") }
        precondition(content == file.source.bytes, "injected file differs")
    }
    // The injector listed the original System32, so it lists again; each child is kept unless replaced.
    guard let oldImage = try? archive.image(index), let oldSystem32 = try? oldImage.lookup("\\Windows\\System32"),
          let before = try? oldImage.listDirectory(oldSystem32)
    else { preconditionFailure("original System32 unlistable after a successful injection") }
    var kept = 0
    for old in before {
        var replaced = false
        for file in files where WIMName.equalIgnoringCase(old.nameUTF16, file.name) { replaced = true }
        if !replaced { kept += 1 }
    }
    precondition(children.count == kept + files.count, "System32 children lost or duplicated")
    return 0
}
