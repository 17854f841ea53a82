import BCDCheck
import Foundation

/// Where a BIOS machine finds the BIOS loader (loader.lkrn, a Linux bzImage) and the files.
///
/// Network: a TFTP root with loader.lkrn, the files and boot.ipxe (`kernel loader.lkrn ARGS`,
/// `initrd --name NAME NAME NAME` per file, `boot`), fetched by iPXE's BIOS option ROM.
/// Disk: a FAT superfloppy (no partition table: SeaBIOS runs the FAT boot sector, which is
/// SYSLINUX's) with SYSLINUX, its linux.c32 and the files in the root directory. linux.c32's
/// `initrdfile=A,B` loads each file as an initrd wrapped in a newc cpio header named after the
/// file ("Encapsulating A... ok"), the form iPXE's `initrd URI NAME` gives too.
/// In BIOS mode the BCD is served as it is: no `.exe` -> `.efi` patch.
public enum BiosStaging {
    /// Debian's SYSLINUX BIOS modules (package syslinux-common).
    public static let syslinuxModules = "/usr/lib/syslinux/modules/bios"
    /// linux.c32 and the libraries it loads (ldlinux.c32 is written by `syslinux --install`).
    static let moduleNames = ["linux.c32", "libcom32.c32", "libutil.c32"]
    public static let configName = "syslinux.cfg"

    /// The TFTP root of a BIOS network boot. Returns the script.
    @discardableResult
    public static func makeTftpTree(at dir: String, loader: String, files: [ServedFile], loaderArguments: String) throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try fm.copyItem(atPath: loader, toPath: dir + "/" + IpxeScript.biosLoaderName)
        for f in files {
            let absolute = URL(fileURLWithPath: f.path).standardizedFileURL.path
            try fm.createSymbolicLink(atPath: dir + "/" + f.name, withDestinationPath: absolute)
        }
        let script = IpxeScript.make(arguments: loaderArguments, names: files.map(\.name), platform: .bios)
        try script.write(toFile: dir + "/" + Staging.scriptName, atomically: true, encoding: .utf8)
        return script
    }

    /// syslinux.cfg: one entry, started at once, that runs linux.c32 on the loader with its
    /// arguments and the files as named initrds.
    public static func syslinuxConfig(arguments: String, names: [String]) -> String {
        let args = arguments.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let append = [IpxeScript.biosLoaderName] + (args.isEmpty ? [] : [args]) + (names.isEmpty ? [] : ["initrdfile=" + names.joined(separator: ",")])
        return ["DEFAULT bcd", "PROMPT 0", "TIMEOUT 0", "LABEL bcd", "  COM32 linux.c32", "  APPEND " + append.joined(separator: " ")]
            .joined(separator: "\n") + "\n"
    }

    /// Names SYSLINUX's configuration cannot carry (`initrdfile=` splits at commas).
    public static func problem(withName name: String) -> String? {
        name.contains(",") ? "\"\(name)\": names served through SYSLINUX (--firmware bios --mode disk) cannot contain commas" : nil
    }

    /// The FAT image (mkfs.fat, then `syslinux --install`, mtools for the files; no root needed).
    /// Returns syslinux.cfg's text.
    @discardableResult
    public static func makeDiskImage(at image: String, loader: String, files: [ServedFile], loaderArguments: String) throws -> String {
        let modules = try moduleNames.map { name -> String in
            let path = syslinuxModules + "/" + name
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw BootFailure("missing \(path) (Debian package syslinux-common; scripts/install-deps.sh installs it)")
            }
            return path
        }
        var payload = Staging.fileSize(loader)
        for f in files { payload += Staging.fileSize(f.path) }
        // The payload, a sixteenth for FAT overhead, and 16 MiB; in KiB for mkfs.fat.
        let kib = (payload + payload / 16) / 1024 + 16 * 1024
        try? FileManager.default.removeItem(atPath: image)
        try Tools.run("mkfs.fat", ["-C", "-n", "BCDBOOT", image, String(kib)])
        try Tools.run("syslinux", ["--install", image])
        for module in modules { try Tools.run("mcopy", ["-i", image, module, "::/"]) }
        try Tools.run("mcopy", ["-i", image, loader, "::/" + IpxeScript.biosLoaderName])
        let config = syslinuxConfig(arguments: loaderArguments, names: files.map(\.name))
        let configFile = image + ".cfg"
        defer { try? FileManager.default.removeItem(atPath: configFile) }
        try config.write(toFile: configFile, atomically: true, encoding: .ascii)
        try Tools.run("mcopy", ["-i", image, configFile, "::/" + configName])
        for f in files { try Tools.run("mcopy", ["-i", image, f.path, "::/\(f.name)"]) }
        return config
    }
}
