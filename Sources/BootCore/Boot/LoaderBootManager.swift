/// The boot managers the loader tries, in order (issue 19): a supplied `bootx64.efi` alone;
/// else `bootmgfw_EX.efi` (signed for the Windows UEFI CA 2023), then `bootmgfw.efi` (the
/// 2011-signed one), each supplied or taken from the WIM (LoaderWimFiles.bootManagers, served
/// under these names). The loader starts the first that LoadImage accepts: under Secure Boot a
/// firmware whose db lacks the 2023 CA refuses the _EX one, and the next is tried.
public enum LoaderBootManager {
    /// Supplied, it is the only candidate.
    public static let alone = "bootx64.efi"
    /// The candidates when `alone` is not supplied, in order (LoaderWimFiles.bootManagers' names).
    public static let ordered = ["bootmgfw_EX.efi", "bootmgfw.efi"]
    /// Every name a boot manager may be served under.
    public static let names = [alone] + ordered

    /// Indices into `inputs` (names, ASCII case-insensitive) of the boot managers to try, in order.
    public static func candidates(among inputs: [String]) -> [Int] {
        candidates(among: inputs.map { Array($0.utf8) })
    }

    /// The same rule over names as bytes (the loader's form).
    public static func candidates(among inputs: [[UInt8]]) -> [Int] {
        if let index = asciiIndex(of: Array(alone.utf8), in: inputs) { return [index] }
        var found: [Int] = []
        for name in ordered {
            if let index = asciiIndex(of: Array(name.utf8), in: inputs) { found.append(index) }
        }
        return found
    }

    /// The first candidate, or nil: the one started unless Secure Boot refuses it.
    public static func choice(among inputs: [String]) -> Int? {
        candidates(among: inputs).first
    }

    /// The same rule over names as bytes.
    public static func choice(among inputs: [[UInt8]]) -> Int? {
        candidates(among: inputs).first
    }

    /// The candidates' names, in order, once the loader has taken from the WIM what it wants:
    /// `supplied` are the served names, `inWIM` those of LoaderWimFiles.bootManagers the chosen
    /// image holds (host code: `bcd check` says from this which boot manager will run).
    public static func candidateNames(supplied: [String], inWIM: [String]) -> [String] {
        var names = supplied
        for file in LoaderWimFiles.bootManagers where LoaderWimFiles.isWanted(file, inputs: supplied) {
            if asciiIndex(of: file.name, in: inWIM) != nil { names.append(file.name) }
        }
        return candidates(among: names).map { names[$0] }
    }
}
