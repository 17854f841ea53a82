// BCD patch for UEFI: every UTF-16LE ".exe" followed by a UTF-16 NUL (or ending exactly at
// the end of the data) becomes ".efi", case-insensitively, keeping each letter's case.
// Stop-gap until BootCore's BcdExePatch is committed.

@_cdecl("ldr_bcd_patch")
public func ldrBcdPatch(_ buffer: UnsafeMutableRawPointer, _ length: Int) -> Int {
    let b = UnsafeMutableRawBufferPointer(start: buffer, count: length)
    func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
    func swap(_ c: UInt8, _ to: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? to & ~0x20 : to }
    var patched = 0
    var i = 0
    while i + 8 <= b.count {
        let hit = b[i] == 0x2E && b[i + 1] == 0 && lower(b[i + 2]) == 0x65 && b[i + 3] == 0 &&
            lower(b[i + 4]) == 0x78 && b[i + 5] == 0 && lower(b[i + 6]) == 0x65 && b[i + 7] == 0
        let end = i + 8
        let terminated = end == b.count || (end + 1 == b.count && b[end] == 0) ||
            (end + 1 < b.count && b[end] == 0 && b[end + 1] == 0)
        if hit && terminated {
            b[i + 2] = swap(b[i + 2], 0x65); b[i + 4] = swap(b[i + 4], 0x66); b[i + 6] = swap(b[i + 6], 0x69)
            patched += 1
            i += 8
        } else {
            i += 1
        }
    }
    return patched
}
