/// What the BIOS loader takes from the chosen WIM image (LoaderWimChoice) when it was not
/// supplied (issue 13, as wimboot): bootmgr.exe from `\Windows\Boot\PXE\` (only when neither
/// bootmgr.exe nor a compressed bootmgr holding one is supplied: LoaderBiosBootManager), and
/// BCD and boot.sdi from `\Windows\Boot\DVD\PCAT\` (the BIOS ones; UEFI takes `...\DVD\EFI\`).
public enum LoaderBiosWimFiles {
    public static let bootManager = LoaderWimFile(path: LoaderBiosBootManager.wimPath, name: LoaderBiosBootManager.exeName, isBootManager: true)
    public static let bcd = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\PCAT\\BCD", name: "BCD")
    public static let bootSDI = LoaderWimFile(path: "\\Windows\\Boot\\DVD\\PCAT\\boot.sdi", name: "boot.sdi")
    /// In the order the loader takes them.
    public static let all = [bootManager, bcd, bootSDI]

    /// Is `file` wanted when `inputs` are the served names so far (a bootmgr.exe extracted from
    /// a supplied bootmgr counts as supplied)? When no input has its name.
    public static func isWanted(_ file: LoaderWimFile, inputs: [[UInt8]]) -> Bool {
        asciiIndex(of: Array(file.name.utf8), in: inputs) == nil
    }
}
