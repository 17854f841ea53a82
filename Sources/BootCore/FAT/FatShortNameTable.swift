/// Valid, unique 8.3 short names for a set of long names, the way a FAT directory needs them.
/// A name that already is a valid upper-case 8.3 name is used as-is (no long-name entries);
/// one that is valid 8.3 but for case gets its upper-case form plus LFN entries; any other
/// gets a generated `BASE~N.EXT` plus long-name (LFN) entries.
public struct FatShortNameTable {
    /// 11 bytes each: 8 for the base, 3 for the extension, space padded (directory entry +0).
    public private(set) var shortNames: [[UInt8]] = []
    /// Whether the long name differs from the short name, so LFN entries are needed.
    public private(set) var needsLongName: [Bool] = []

    public init(longNames: [String]) throws(VirtualDiskError) {
        try self.init(longNameBytes: longNames.map { Array($0.utf8) })
    }

    /// The same table for names given as bytes (the form the loader and VirtualFatDisk use).
    public init(longNameBytes longNames: [[UInt8]]) throws(VirtualDiskError) {
        // A name whose upper-case form is a valid 8.3 name keeps that form as its short name
        // ("boot.sdi" -> BOOT.SDI, with LFN entries for the case); exact ones claim first.
        var candidates: [[UInt8]?] = []
        for name in longNames {
            guard Self.isValidLongName(name) else { throw .invalidName(VirtualDiskError.text(name)) }
            candidates.append(Self.asIsShortName(name.map(asciiUppercased)))
        }
        var chosen: [[UInt8]?] = Array(repeating: nil, count: longNames.count)
        // Hashed, so thousands of names stay fast (an initrd may carry many files).
        var taken = Set<[UInt8]>()
        for exactPass in [true, false] {
            for (i, name) in longNames.enumerated() {
                guard let short = candidates[i], chosen[i] == nil else { continue }
                let exact = name == name.map(asciiUppercased)
                guard exact == exactPass else { continue }
                if taken.contains(short) {
                    if exact { throw .duplicateName(VirtualDiskError.text(name)) }
                    continue                                     // falls back to BASE~N
                }
                taken.insert(short)
                chosen[i] = short
            }
        }
        var nextNumber: [[UInt8]: Int] = [:]    // per base+extension: where the ~N search resumes
        for (i, bytes) in longNames.enumerated() {
            if let short = chosen[i] {
                shortNames.append(short)
                needsLongName.append(bytes != bytes.map(asciiUppercased))
                continue
            }
            guard let short = Self.generatedShortName(bytes, avoiding: taken, resuming: &nextNumber) else { throw .noShortName(VirtualDiskError.text(bytes)) }
            taken.insert(short)
            shortNames.append(short)
            needsLongName.append(true)
        }
    }

    /// `BOOT~1.SDI` form of entry `index`.
    public func displayName(at index: Int) -> String {
        let short = shortNames[index]
        var text: [UInt8] = []
        for b in short[0..<8] where b != 0x20 { text.append(b) }
        if short[8] != 0x20 {
            text.append(0x2E)
            for b in short[8..<11] where b != 0x20 { text.append(b) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    // MARK: rules

    /// Characters FAT forbids in long names, besides control characters: " * / : < > ? \ |
    static let forbiddenInLongName: [UInt8] = [0x22, 0x2A, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x5C, 0x7C]

    static func isValidLongName(_ name: [UInt8]) -> Bool {
        guard !name.isEmpty, name.count <= 255 else { return false }
        for b in name where b < 0x20 || b > 0x7E || forbiddenInLongName.contains(b) { return false }
        guard let last = name.last, last != 0x2E, last != 0x20 else { return false }
        return true
    }

    /// Characters allowed in a short name besides A-Z and 0-9: $ % ' - _ @ ~ ` ! ( ) { } ^ # &
    static let shortNameSymbols: [UInt8] = Array("$%'-_@~`!(){}^#&".utf8)

    static func isShortNameChar(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || shortNameSymbols.contains(b)
    }

    /// The name itself as an 8.3 entry, when it already is one (upper case, 1-8 + 0-3 chars).
    static func asIsShortName(_ name: [UInt8]) -> [UInt8]? {
        var base = name[...]
        var ext = name[name.endIndex...]
        if let dot = name.firstIndex(of: 0x2E) {
            base = name[..<dot]
            ext = name[(dot + 1)...]
            guard !ext.isEmpty else { return nil }
        }
        guard (1...8).contains(base.count), ext.count <= 3 else { return nil }
        for b in base where !isShortNameChar(b) { return nil }
        for b in ext where !isShortNameChar(b) { return nil }
        return padded(Array(base), to: 8) + padded(Array(ext), to: 3)
    }

    /// `BASE~N.EXT`: base from the name before its last dot, extension from after it; spaces
    /// and extra dots dropped, other invalid characters become `_`; N is the first free number.
    static func generatedShortName(_ name: [UInt8], avoiding taken: Set<[UInt8]>, resuming nextNumber: inout [[UInt8]: Int]) -> [UInt8]? {
        var body = name[...]
        while body.first == 0x2E { body = body.dropFirst() }  // leading dots are not an extension
        var baseSource = body
        var extSource = body[body.endIndex...]
        if let dot = body.lastIndex(of: 0x2E) {
            baseSource = body[..<dot]
            extSource = body[(dot + 1)...]
        }
        let base = shortChars(baseSource, limit: 8)
        let ext = shortChars(extSource, limit: 3)
        let group = padded(base, to: 8) + padded(ext, to: 3)
        let start = nextNumber[group] ?? 1
        for number in start..<1_000_000 {
            let tail = Array("~\(number)".utf8)
            let keep = min(base.count, 8 - tail.count)
            guard keep >= 0 else { return nil }
            var stem = Array(base[0..<keep]) + tail
            if keep == 0 && base.isEmpty { stem = Array("_".utf8) + tail }  // a name of symbols only
            guard stem.count <= 8 else { return nil }
            let candidate = padded(stem, to: 8) + padded(ext, to: 3)
            if !taken.contains(candidate) {
                nextNumber[group] = number + 1
                return candidate
            }
        }
        return nil
    }

    static func shortChars(_ source: ArraySlice<UInt8>, limit: Int) -> [UInt8] {
        var out: [UInt8] = []
        for b in source where b != 0x20 && b != 0x2E {
            let upper = asciiUppercased(b)
            out.append(isShortNameChar(upper) ? upper : 0x5F)
            if out.count == limit { break }
        }
        return out
    }

    static func padded(_ bytes: [UInt8], to width: Int) -> [UInt8] {
        bytes + [UInt8](repeating: 0x20, count: width - bytes.count)
    }
}
