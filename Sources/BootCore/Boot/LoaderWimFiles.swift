/// A file the loader takes from the chosen WIM image (LoaderWimChoice) when none is supplied.
public struct LoaderWimFile: Sendable {
    /// Its path inside the image, `\` separated (ASCII).
    public let path: String
    /// The name it is served under on the virtual disk.
    public let name: String
    /// A boot manager (LoaderBootManager's candidates): wanted unless `bootx64.efi` or one of
    /// its own name is supplied; the loader stops when it ends up with no candidate at all.
    public let isBootManager: Bool
    /// Taken when the image has it; its absence, or a WIM that cannot be read when nothing else
    /// is wanted from it, is not an error (boot.stl: older WIMs lack it).
    public let isOptional: Bool

    init(path: String, name: String, isBootManager: Bool = false, isOptional: Bool = false) {
        self.path = path
        self.name = name
        self.isBootManager = isBootManager
        self.isOptional = isOptional
    }
}

/// Everything the loader may take from the WIM; supplied files always win.
public enum LoaderWimFiles {
    /// The boot manager signed for the Windows UEFI CA 2023 (Windows 11 24H2 media and later).
    public static let bootManagerEX = LoaderWimFile(path: "\\Windows\\Boot\\EFI_EX\\bootmgfw_EX.efi", name: "bootmgfw_EX.efi", isBootManager: true)
    /// The boot manager signed for the Microsoft Windows Production PCA 2011.
    public static let bootManager = LoaderWimFile(path: "\\Windows\\Boot\\EFI\\bootmgfw.efi", name: "bootmgfw.efi", isBootManager: true)
    /// Both, in LoaderBootManager.ordered's order.
    public static let bootManagers = [bootManagerEX, bootManager]
    public static let bcd = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\EFI\\BCD", name: "BCD")
    public static let bootSDI = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\EFI\\boot.sdi", name: "boot.sdi")
    /// The revocation list (issue 19): a Windows 11 24H2 bootmgfw.efi stops with 0xc000000f
    /// under Secure Boot when the firmware's RevocationList variable is empty and none is served.
    /// Optional: older WIMs lack it.
    public static let bootSTL = LoaderWimFile(path: "\\Windows\\Boot\\EFI\\boot.stl", name: "boot.stl", isOptional: true)

    /// In the order the loader takes them.
    public static let all = [bootManagerEX, bootManager, bcd, bootSDI, bootSTL]

    /// Is `file` wanted when `inputs` are the supplied names? A file when its name is not
    /// supplied; a boot manager also only when `bootx64.efi` (LoaderBootManager.alone) is not.
    public static func isWanted(_ file: LoaderWimFile, inputs: [String]) -> Bool {
        isWanted(file, inputs: inputs.map { Array($0.utf8) })
    }

    /// The same rule over names as bytes (the loader's form).
    public static func isWanted(_ file: LoaderWimFile, inputs: [[UInt8]]) -> Bool {
        if file.isBootManager, asciiIndex(of: Array(LoaderBootManager.alone.utf8), in: inputs) != nil { return false }
        return asciiIndex(of: Array(file.name.utf8), in: inputs) == nil
    }

    /// Is `file`, when wanted, optional: taken if the image has it, and a WIM that cannot be
    /// read is no error when nothing but optional files is wanted from it? boot.stl always; a
    /// boot manager when a candidate (LoaderBootManager) is supplied already, e.g. the WIM's
    /// bootmgfw_EX.efi beside a supplied bootmgfw.efi.
    public static func isOptional(_ file: LoaderWimFile, inputs: [String]) -> Bool {
        isOptional(file, inputs: inputs.map { Array($0.utf8) })
    }

    /// The same rule over names as bytes (the loader's form).
    public static func isOptional(_ file: LoaderWimFile, inputs: [[UInt8]]) -> Bool {
        file.isOptional || (file.isBootManager && LoaderBootManager.choice(among: inputs) != nil)
    }
}
