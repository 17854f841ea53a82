/// Where the BIOS loader takes bootmgr.exe from (issue 13, as wimboot): `bootmgr.exe` when
/// supplied; else the compressed `bootmgr` file, which embeds it; else the WIM's
/// `\Windows\Boot\PXE\bootmgr.exe`. Names are matched ASCII case-insensitively.
public enum LoaderBiosBootManager {
    public static let exeName = "bootmgr.exe"
    public static let compressedName = "bootmgr"
    /// The path in the WIM image when neither is supplied.
    public static let wimPath = "\\Windows\\Boot\\PXE\\bootmgr.exe"

    public enum Source: Equatable {
        /// Input `index` is bootmgr.exe itself.
        case supplied(Int)
        /// Input `index` is the compressed bootmgr: bootmgr.exe is extracted from it.
        case compressed(Int)
        /// Neither is supplied: take `wimPath` from the WIM (LoaderWimChoice).
        case fromWIM
    }

    /// The source among `inputs` (names as bytes, the loader's form).
    public static func source(among inputs: [[UInt8]]) -> Source {
        if let index = asciiIndex(of: Array(exeName.utf8), in: inputs) { return .supplied(index) }
        if let index = asciiIndex(of: Array(compressedName.utf8), in: inputs) { return .compressed(index) }
        return .fromWIM
    }
}
