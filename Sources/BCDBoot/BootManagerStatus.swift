import Foundation

/// Plain-language meanings of the NTSTATUS codes the Windows Boot Manager shows on its error
/// screen ("File: ... Status: 0xc000000f Info: ..."), and where in the setup to look.
public struct BootManagerStatus: Sendable, Equatable {
    public let code: UInt32
    public let name: String
    public let meaning: String
    /// Where the fault most likely is, in BCD element and file terms.
    public let suspect: String

    public static let known: [BootManagerStatus] = [
        BootManagerStatus(code: 0xC000_000F, name: "STATUS_NO_SUCH_FILE",
                          meaning: "a file the boot manager needs was not found",
                          suspect: "the file named on the screen: the BCD store itself (served as BCD), or a path in the entry (path, ramdisksdipath) that does not exist where device/osdevice point"),
        BootManagerStatus(code: 0xC000_000E, name: "STATUS_NO_SUCH_DEVICE",
                          meaning: "a required device is not accessible",
                          suspect: "the entry's device/osdevice elements (for a ramdisk: ramdisk=[boot]\\...wim,{ramdiskoptions}) and the {ramdiskoptions} object's ramdisksdidevice/ramdisksdipath"),
        BootManagerStatus(code: 0xC000_007B, name: "STATUS_INVALID_IMAGE_FORMAT",
                          meaning: "a program (boot application or driver) is not valid for this machine",
                          suspect: "the OS loader named by the entry's path element (winload.efi for UEFI, not winload.exe), or a WIM built for another architecture"),
        BootManagerStatus(code: 0xC000_0225, name: "STATUS_NOT_FOUND",
                          meaning: "the boot configuration is missing or has no usable entry",
                          suspect: "the BCD store (served as BCD): {bootmgr} default/displayorder, or an entry whose device/osdevice cannot be resolved"),
        BootManagerStatus(code: 0xC000_0098, name: "STATUS_FILE_INVALID",
                          meaning: "a required file is damaged or truncated",
                          suspect: "the file named on the screen, often boot.wim or boot.sdi (ramdisksdipath): compare sizes and checksums with the originals"),
        BootManagerStatus(code: 0xC000_0017, name: "STATUS_NO_MEMORY",
                          meaning: "the boot manager ran out of memory",
                          suspect: "the guest's memory: the ramdisk WIM is copied into memory (and in network mode iPXE still holds every fetched file), so a large boot.wim needs more than --memory gives; leave --memory out (bcd boot sizes it for the files) or raise it"),
        BootManagerStatus(code: 0xC000_0428, name: "STATUS_INVALID_IMAGE_HASH",
                          meaning: "a file's digital signature could not be verified",
                          suspect: "the file named on the screen is unsigned or modified while Secure Boot or integrity checks are on (nointegritychecks/testsigning elements, or a signed boot manager)"),
    ]

    public static func lookup(_ code: UInt32) -> BootManagerStatus? { known.first { $0.code == code } }
}
