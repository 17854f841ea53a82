/// BCD patch for UEFI booting: Windows setup media stores name `winload.exe` (BIOS) where the
/// UEFI boot manager needs `winload.efi`. Every UTF-16LE ".exe" that is followed by a UTF-16
/// NUL — or that ends exactly at the end of the data — becomes ".efi", case-insensitively.
/// The letters keep their case (".EXE" -> ".EFI"). Works in place; returns the number of patches.
public enum BcdExePatch {
    /// `.exe` in UTF-16LE is 8 bytes: 2E 00 65 00 78 00 65 00 (letters in either case).
    static let patternLength = 8

    @discardableResult
    public static func apply(to bytes: inout [UInt8]) -> Int {
        bytes.withUnsafeMutableBytes { apply(to: $0) }
    }

    /// The same patch on memory the caller owns (the loader patches the BCD where it was loaded).
    @discardableResult
    public static func apply(to bytes: UnsafeMutableRawBufferPointer) -> Int {
        var patched = 0
        var index = 0
        while index + patternLength <= bytes.count {
            if matches(UnsafeRawBufferPointer(bytes), at: index) {
                bytes[index + 2] = swapLetter(bytes[index + 2], to: 0x65)  // e -> e
                bytes[index + 4] = swapLetter(bytes[index + 4], to: 0x66)  // x -> f
                bytes[index + 6] = swapLetter(bytes[index + 6], to: 0x69)  // e -> i
                patched += 1
                index += patternLength
            } else {
                index += 1
            }
        }
        return patched
    }

    static func matches(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        guard bytes[index] == 0x2E, bytes[index + 1] == 0,
              lower(bytes[index + 2]) == 0x65, bytes[index + 3] == 0,
              lower(bytes[index + 4]) == 0x78, bytes[index + 5] == 0,
              lower(bytes[index + 6]) == 0x65, bytes[index + 7] == 0
        else { return false }
        let end = index + patternLength
        if end == bytes.count { return true }  // match ends exactly at the end of the data
        // Terminated by a UTF-16 NUL; a lone trailing byte counts as the end of the data.
        if end + 1 == bytes.count { return bytes[end] == 0 }
        return bytes[end] == 0 && bytes[end + 1] == 0
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// Replaces a letter with `lowercaseTarget`, keeping the original letter's case.
    static func swapLetter(_ original: UInt8, to lowercaseTarget: UInt8) -> UInt8 {
        (original >= 0x41 && original <= 0x5A) ? lowercaseTarget & ~0x20 : lowercaseTarget
    }
}
