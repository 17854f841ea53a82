import Foundation

/// The UEFI firmware a test boot runs: a read-only code image and the template of its variable
/// store, which each run copies (the copy is the machine's NVRAM; the template is never written).
///
/// The shell harnesses name the same files in scripts/firmware.sh; FirmwareTests checks that the
/// two agree.
public struct Firmware: Sendable, Equatable {
    public var code: String
    public var varsTemplate: String

    public init(code: String, varsTemplate: String) {
        self.code = code
        self.varsTemplate = varsTemplate
    }

    /// Debian's OVMF (package ovmf): the 2 MiB x86-64 build without Secure Boot keys.
    public static let ovmf = Firmware(code: "/usr/share/OVMF/OVMF_CODE.fd", varsTemplate: "/usr/share/OVMF/OVMF_VARS.fd")

    /// Throws, naming the first file that cannot be read and the package that provides it.
    public func requireReadable() throws {
        for file in [code, varsTemplate] where !FileManager.default.isReadableFile(atPath: file) {
            throw BootFailure("missing OVMF firmware \(file) (Debian package ovmf; scripts/install-deps.sh installs it)")
        }
    }

    /// A fresh NVRAM at `path`: the variables template copied over whatever was there.
    public func makeNvram(at path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: varsTemplate, toPath: path)
    }
}
