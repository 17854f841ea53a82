/// Why one of the loader's files is not injected into the WIM image (issue 20, as wimboot):
/// boot files the boot manager reads from the disk, not from inside WinPE.
public enum WIMInjectionExclusion: Equatable, Sendable {
    /// BCD, boot.stl, bootmgr, bootmgr.exe.
    case bootFile
    /// `*.wim`, `*.sdi`, `*.efi`, `*.ttf` (boot fonts), `*.nsh` (UEFI shell scripts: a
    /// `startup.nsh` that started the loader from the shell sits beside its files).
    case bootFileType
    /// The loader's own file.
    case loader

    public var reason: String {
        switch self {
        case .bootFile: return "a boot file, served on the disk only"
        case .bootFileType: return "a WIM, SDI, EFI, font or UEFI shell script file, served on the disk only"
        case .loader: return "the loader itself"
        }
    }
}

/// Which of the loader's files go into `\Windows\System32` of the served image.
public enum WIMInjectionRule {
    static let bootFiles = ["bcd", "boot.stl", "bootmgr", "bootmgr.exe"]
    static let bootSuffixes = [".wim", ".sdi", ".efi", ".ttf", ".nsh"]

    /// Why `name` is not injected, or nil when it is. ASCII case-insensitive; `loaderName` is
    /// the loader's own file name when known.
    public static func exclusion(of name: [UInt8], loaderName: [UInt8]? = nil) -> WIMInjectionExclusion? {
        if let loaderName, asciiEqualIgnoringCase(name, loaderName) { return .loader }
        for file in bootFiles where asciiEqualIgnoringCase(name, Array(file.utf8)) { return .bootFile }
        for suffix in bootSuffixes {
            let bytes = Array(suffix.utf8)
            if name.count >= bytes.count && asciiEqualIgnoringCase(Array(name.suffix(bytes.count)), bytes) { return .bootFileType }
        }
        return nil
    }

    public static func exclusion(of name: String, loaderName: String? = nil) -> WIMInjectionExclusion? {
        exclusion(of: Array(name.utf8), loaderName: loaderName.map { Array($0.utf8) })
    }

    public static func isInjected(_ name: [UInt8], loaderName: [UInt8]? = nil) -> Bool {
        exclusion(of: name, loaderName: loaderName) == nil
    }

    /// Indices into `names` (the loader's inputs, in order) of the files to inject.
    public static func injected(among names: [[UInt8]], loaderName: [UInt8]? = nil) -> [Int] {
        var result: [Int] = []
        for (i, name) in names.enumerated() where isInjected(name, loaderName: loaderName) { result.append(i) }
        return result
    }
}

/// What makes a name invalid for a file in a WIM image (Windows file name rules).
public enum WIMNameProblem: Equatable, Sendable {
    case empty, tooLong, dotName, reservedCharacter, trailingDotOrSpace

    public var reason: String {
        switch self {
        case .empty: return "the name is empty"
        case .tooLong: return "the name is longer than 255 characters"
        case .dotName: return "\".\" and \"..\" are not file names"
        case .reservedCharacter: return "a control character or one of \\ / : * ? \" < > | is not allowed"
        case .trailingDotOrSpace: return "a name may not end with a dot or a space"
        }
    }

    /// The problem with `name` (UTF-16), or nil when Windows accepts it as a file name.
    public static func of(_ name: [UInt16]) -> WIMNameProblem? {
        if name.isEmpty { return .empty }
        if name.count > 255 { return .tooLong }
        if name == [0x2E] || name == [0x2E, 0x2E] { return .dotName }
        for unit in name {
            switch unit {
            case 0..<0x20, 0x22, 0x2A, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x5C, 0x7C: return .reservedCharacter
            default: break
            }
        }
        if let last = name.last, last == 0x2E || last == 0x20 { return .trailingDotOrSpace }
        return nil
    }
}
