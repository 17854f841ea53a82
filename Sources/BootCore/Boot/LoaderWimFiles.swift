/// A file the loader takes from the chosen WIM image (LoaderWimChoice) when none is supplied.
public struct LoaderWimFile: Sendable {
    /// Its path inside the image, `\` separated (ASCII).
    public let path: String
    /// The name it is served under on the virtual disk.
    public let name: String
    /// The boot manager: wanted unless one is supplied, and the loader stops without it.
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
    public static let bootManager = LoaderWimFile(path: "\\Windows\\Boot\\EFI\\bootmgfw.efi", name: "bootmgfw.efi", isBootManager: true)
    public static let bcd = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\EFI\\BCD", name: "BCD")
    public static let bootSDI = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\EFI\\boot.sdi", name: "boot.sdi")
    /// The revocation list (issue 19): a Windows 11 24H2 bootmgfw.efi stops with 0xc000000f
    /// under Secure Boot when the firmware's RevocationList variable is empty and none is served.
    /// Optional: older WIMs lack it.
    public static let bootSTL = LoaderWimFile(path: "\\Windows\\Boot\\EFI\\boot.stl", name: "boot.stl", isOptional: true)

    /// In the order the loader takes them.
    public static let all = [bootManager, bcd, bootSDI, bootSTL]

    /// Is `file` wanted when `inputs` are the supplied names? The boot manager is wanted when
    /// no boot manager (LoaderBootManager) is supplied, any other file when its name is not.
    public static func isWanted(_ file: LoaderWimFile, inputs: [String]) -> Bool {
        isWanted(file, inputs: inputs.map { Array($0.utf8) })
    }

    /// The same rule over names as bytes (the loader's form).
    public static func isWanted(_ file: LoaderWimFile, inputs: [[UInt8]]) -> Bool {
        if file.isBootManager { return LoaderBootManager.choice(among: inputs) == nil }
        return asciiIndex(of: Array(file.name.utf8), in: inputs) == nil
    }
}
