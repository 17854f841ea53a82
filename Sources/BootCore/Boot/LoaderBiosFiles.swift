/// Which files a BIOS boot uses (issue 13), the rule the BIOS loader and the host tools share.
/// The boot manager: a supplied `bootmgr.exe`; else the one embedded in a supplied `bootmgr`
/// (BootmgrImage.extract), with the WIM's `\Windows\Boot\PXE\bootmgr.exe` as the fallback when
/// that finds none; else the WIM's. BCD and boot.sdi: supplied, else the WIM's PCAT ones. In BIOS
/// mode the BCD is served as it is (no `.exe` -> `.efi` patch).
public enum LoaderBiosFiles {
    public static let bootManagerName = "bootmgr.exe"
    public static let compressedBootManagerName = "bootmgr"
    public static let bootManager = LoaderWimFile(path: "\\Windows\\Boot\\PXE\\bootmgr.exe", name: "bootmgr.exe", isBootManager: true)
    public static let bcd = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\PCAT\\BCD", name: "BCD")
    public static let bootSDI = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\PCAT\\boot.sdi", name: "boot.sdi")
    /// In the order the loader takes them.
    public static let all = [bootManager, bcd, bootSDI]

    /// Where the boot manager comes from, in the order the loader tries them.
    public enum BootManagerSource: Equatable, Sendable {
        /// Input `index` is bootmgr.exe itself.
        case supplied(Int)
        /// Decompressed from input `index`, a PCAT bootmgr.
        case extracted(Int)
        /// LoaderBiosFiles.bootManager from the WIM.
        case wim
    }

    public static func bootManagerSources(among inputs: [String]) -> [BootManagerSource] {
        bootManagerSources(among: inputs.map { Array($0.utf8) })
    }

    /// The same rule over names as bytes (the loader's form).
    public static func bootManagerSources(among inputs: [[UInt8]]) -> [BootManagerSource] {
        if let exe = asciiIndex(of: Array(bootManagerName.utf8), in: inputs) { return [.supplied(exe)] }
        if let packed = asciiIndex(of: Array(compressedBootManagerName.utf8), in: inputs) { return [.extracted(packed), .wim] }
        return [.wim]
    }

    public static func isWanted(_ file: LoaderWimFile, inputs: [String]) -> Bool {
        isWanted(file, inputs: inputs.map { Array($0.utf8) })
    }

    /// Is `file` taken from the WIM when `inputs` are supplied? The boot manager unless
    /// bootmgr.exe is supplied; BCD and boot.sdi unless supplied under their names.
    public static func isWanted(_ file: LoaderWimFile, inputs: [[UInt8]]) -> Bool {
        if file.isBootManager { return bootManagerSources(among: inputs).contains(.wim) }
        return asciiIndex(of: Array(file.name.utf8), in: inputs) == nil
    }

    public static func isOptional(_ file: LoaderWimFile, inputs: [String]) -> Bool {
        isOptional(file, inputs: inputs.map { Array($0.utf8) })
    }

    /// Is `file`, when wanted, optional? The WIM's boot manager when a `bootmgr` is supplied
    /// (it is only the fallback then); nothing else.
    public static func isOptional(_ file: LoaderWimFile, inputs: [[UInt8]]) -> Bool {
        file.isBootManager && bootManagerSources(among: inputs).first != .wim
    }
}
