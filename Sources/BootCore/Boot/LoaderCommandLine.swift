/// What the loader's command line (its UEFI load options) asks for, wimboot-style.
public struct LoaderOptions: Equatable {
    /// `rawbcd`: serve BCD unpatched.
    public var rawBCD = false
    /// `rawwim`: serve the WIM unpatched (no loose files injected into it; LoaderInjection).
    public var rawWIM = false
    /// `gui`: keep the graphics mode.
    public var gui = false
    /// `pause` (and `pause=quiet`): wait for a key before the boot manager and after an error.
    public var pause = false
    /// `pause=quiet`: wait without a prompt.
    public var pauseQuiet = false
    /// `quiet`: no informational messages.
    public var quiet = false
    /// `index=N` (1...999_999_999); nil: the WIM's boot index (LoaderImageChoice).
    public var index: Int? = nil

    public init() {}
}

/// A command-line word the loader does not accept (UTF-16 units, whole), and the options read
/// before it: the loader still honours those while it stops (`pause frobnicate` waits for a key).
public struct LoaderCommandLineRefusal: Error, Equatable {
    public let word: [UInt16]
    public let optionsBefore: LoaderOptions
}

/// The loader's command line: words separated by space, tab, CR or LF, ending at the first NUL
/// or the end of the options. The first word is skipped when it is the image's own name: iPXE
/// passes "loader.efi rawbcd ...", the UEFI shell "fs0:\loader rawbcd" (so: it ends in .efi,
/// or its last path component is the image file's name, with or without .efi). Option words
/// are case-sensitive; any other word is refused.
public enum LoaderCommandLine {
    /// `options`: the load options as UTF-16 units; `imagePath`: the file path the image was
    /// loaded from (its last component is the image's name), empty when unknown.
    public static func parse(_ options: [UInt16], imagePath: [UInt16] = []) throws(LoaderCommandLineRefusal) -> LoaderOptions {
        var result = LoaderOptions()
        var first = true
        for word in words(options) {
            defer { first = false }
            if first && (endsWithEfi(word[...]) || names(imagePath, word)) { continue }
            if !apply(word, to: &result) { throw LoaderCommandLineRefusal(word: word, optionsBefore: result) }
        }
        return result
    }

    /// The words of `units`, up to the first NUL.
    static func words(_ units: [UInt16]) -> [[UInt16]] {
        var result: [[UInt16]] = []
        var current: [UInt16] = []
        for unit in units {
            if unit == 0 { break }
            if isSeparator(unit) {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(unit)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func isSeparator(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0D || unit == 0x0A
    }

    /// Sets the option `word` names; false when it names none.
    static func apply(_ word: [UInt16], to options: inout LoaderOptions) -> Bool {
        if equals(word, "rawbcd") { options.rawBCD = true }
        else if equals(word, "rawwim") { options.rawWIM = true }
        else if equals(word, "gui") { options.gui = true }
        else if equals(word, "pause") { options.pause = true }
        else if equals(word, "pause=quiet") { options.pause = true; options.pauseQuiet = true }
        else if equals(word, "quiet") { options.quiet = true }
        else if let value = value(of: "initrdfile=", in: word), !value.isEmpty { /* wimboot's; ignored */ }
        else if let value = value(of: "BOOT_IMAGE=", in: word), !value.isEmpty { /* GRUB's and SYSLINUX's (BIOS loader); ignored */ }
        else if let value = value(of: "index=", in: word), let index = imageIndex(value) { options.index = index }
        else { return false }
        return true
    }

    /// `index=` takes 1 to 9 decimal digits, not all zero.
    static func imageIndex(_ digits: ArraySlice<UInt16>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for unit in digits {
            guard unit >= 0x30, unit <= 0x39 else { return nil }
            value = value * 10 + Int(unit - 0x30)
        }
        return value > 0 ? value : nil
    }

    /// Is `word` (its last path component, after `\`, `/` or `:`) the file `imagePath` names
    /// (after its last `\` or `/`), or that name without its .efi? ASCII case-insensitive.
    static func names(_ imagePath: [UInt16], _ word: [UInt16]) -> Bool {
        let base = imagePath[afterLast(imagePath) { $0 == 0x5C || $0 == 0x2F }...]
        let given = word[afterLast(word) { $0 == 0x5C || $0 == 0x2F || $0 == 0x3A }...]
        guard !given.isEmpty else { return false }
        if given.count == base.count { return sameFolded(given, base) }
        return given.count + 4 == base.count && endsWithEfi(base) && sameFolded(given, base.prefix(given.count))
    }

    static func endsWithEfi(_ units: ArraySlice<UInt16>) -> Bool {
        units.count >= 4 && sameFolded(units.suffix(4), ArraySlice(".efi".utf8.map { UInt16($0) }))
    }

    /// Index just after the last unit matching `isSeparator` (0 without one).
    static func afterLast(_ units: [UInt16], _ isSeparator: (UInt16) -> Bool) -> Int {
        var start = 0
        for (i, unit) in units.enumerated() where isSeparator(unit) { start = i + 1 }
        return start
    }

    static func sameFolded(_ a: ArraySlice<UInt16>, _ b: ArraySlice<UInt16>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { fold($0) == fold($1) }
    }

    static func fold(_ unit: UInt16) -> UInt16 { unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }

    /// Exact (case-sensitive) equality with an ASCII keyword.
    static func equals(_ word: [UInt16], _ keyword: StaticString) -> Bool {
        value(of: keyword, in: word)?.isEmpty ?? false
    }

    /// What follows `prefix` (ASCII, case-sensitive) in `word`, or nil when it does not start so.
    static func value(of prefix: StaticString, in word: [UInt16]) -> ArraySlice<UInt16>? {
        let count = prefix.utf8CodeUnitCount
        guard word.count >= count else { return nil }
        let bytes = UnsafeBufferPointer(start: prefix.utf8Start, count: count)
        for i in 0..<count where word[i] != UInt16(bytes[i]) { return nil }
        return word[count...]
    }
}
