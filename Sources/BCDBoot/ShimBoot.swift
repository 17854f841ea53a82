import Foundation

/// `bcd boot --secure-boot=shim`: Debian's Microsoft-signed shim (package shim-signed, signed by
/// the Microsoft UEFI CA 2011) starts the loader. Started from a disk's removable-media path
/// without load options, shim loads its default second stage, `grubx64.efi` in its own
/// directory, and verifies it against db, its built-in vendor certificate and MokList, and the
/// second stage's `.sbat` section against the SbatLevel it enforces (the loader has one).
public enum ShimBoot {
    /// Debian's shim-signed.
    public static let shim = "/usr/lib/shim/shimx64.efi.signed"
    /// Where the loader goes, beside shim as EFI/BOOT/BOOTX64.EFI (shim's DEFAULT_LOADER).
    static let secondStagePath = "EFI/BOOT/grubx64.efi"

    /// Throws, naming the package, when shim is not installed.
    public static func requireShim() throws {
        guard FileManager.default.isReadableFile(atPath: shim) else {
            throw BootFailure("missing \(shim) (Debian package shim-signed; scripts/install-deps.sh installs it)")
        }
    }

    /// Why this boot cannot go through shim, or nil: only a disk boot, and without loader
    /// arguments (those start the loader from the UEFI shell, not from shim).
    static func problem(mode: BootMode, loaderArguments: String) -> String? {
        if mode != .disk { return "--secure-boot=shim boots from a disk (--mode disk), not over the network" }
        if ShellStartup.isUsed(mode: .disk, arguments: loaderArguments) {
            return "--secure-boot=shim starts the loader without arguments (shim passes none): leave --loader-args out"
        }
        return nil
    }
}
