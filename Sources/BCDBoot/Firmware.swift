import Foundation

/// The UEFI firmware a test boot runs: a read-only code image and the template of its variable
/// store, which each run copies (the copy is the machine's NVRAM; the template is never written).
///
/// The shell harnesses name the same files in scripts/firmware.sh; FirmwareTests checks that the
/// two agree.
public struct Firmware: Sendable, Equatable {
    /// UEFI (OVMF: two flash chips) or legacy BIOS (SeaBIOS: one ROM image, no NVRAM).
    public var platform: FirmwarePlatform = .uefi
    public var code: String
    public var varsTemplate: String
    /// With one, OVMF's Secure Boot build: it needs SMM and a secure flash (QemuInvocation), and
    /// each run's NVRAM is the template with the profile's CAs and the loader's certificate
    /// (`makeNvram(at:trusting:)`).
    public var secureBootProfile: SecureBootProfile?
    public var secureBoot: Bool { secureBootProfile != nil }

    public init(code: String, varsTemplate: String, secureBootProfile: SecureBootProfile? = nil) {
        self.code = code
        self.varsTemplate = varsTemplate
        self.secureBootProfile = secureBootProfile
    }

    /// `--secure-boot=2011|2023`: OVMF's Secure Boot build with Debian's Microsoft varstore (PK,
    /// Microsoft's 2011 KEK and db CAs, as older PCs ship; SecureBootEnable on), plus the
    /// profile's CAs.
    public static func ovmfSecureBoot(_ profile: SecureBootProfile) -> Firmware {
        Firmware(code: "/usr/share/OVMF/OVMF_CODE_4M.secboot.fd", varsTemplate: "/usr/share/OVMF/OVMF_VARS_4M.ms.fd",
                 secureBootProfile: profile)
    }
    public static let ovmfSecureBoot2011 = ovmfSecureBoot(.ms2011)
    /// The owner GUID of the db entry holding the loader's certificate (any GUID will do;
    /// this one names bcd's entry when the varstore is listed).
    static let dbOwner = "7f7b2b55-8d4c-4c3e-9a61-3b1d5f0e2a10"

    /// Debian's OVMF (package ovmf): the 2 MiB x86-64 build without Secure Boot keys.
    public static let ovmf = Firmware(code: "/usr/share/OVMF/OVMF_CODE.fd", varsTemplate: "/usr/share/OVMF/OVMF_VARS.fd")

    /// Throws, naming the first file that cannot be read and the package that provides it.
    public func requireReadable() throws {
        if platform == .bios {
            guard FileManager.default.isReadableFile(atPath: code) else {
                throw BootFailure("missing SeaBIOS firmware \(code) (Debian package seabios; scripts/install-deps.sh installs it)")
            }
            return
        }
        for file in [code, varsTemplate] where !FileManager.default.isReadableFile(atPath: file) {
            throw BootFailure("missing OVMF firmware \(file) (Debian package ovmf; scripts/install-deps.sh installs it)")
        }
    }

    /// A fresh NVRAM at `path`: the variables template copied over whatever was there.
    public func makeNvram(at path: String) throws {
        guard platform == .uefi else { return }   // SeaBIOS keeps no variables
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: varsTemplate, toPath: path)
    }

    /// A fresh NVRAM at `path`: the template with the Secure Boot profile's CAs, and whose db
    /// also trusts `certificates` (PEM), through virt-fw-vars (PyPI virt-firmware) --add-db;
    /// `mokList` go into shim's MokList (--add-mok: the variable MokList of GUID
    /// 605dab50-e046-4300-abb6-3dd810dd8b23, non-volatile and boot-services only, one
    /// EFI_SIGNATURE_LIST of X.509 entries; shim distrusts a MokList visible at runtime).
    public func makeNvram(at path: String, trusting certificates: [String], mokList: [String] = []) throws {
        try? FileManager.default.removeItem(atPath: path)
        try Tools.run("virt-fw-vars", virtFwVarsArguments(output: path, trusting: certificates, mokList: mokList))
    }

    /// The virt-fw-vars command line of `makeNvram(at:trusting:mokList:)`.
    func virtFwVarsArguments(output: String, trusting certificates: [String], mokList: [String] = []) -> [String] {
        ["-i", varsTemplate, "-o", output] + (secureBootProfile?.virtFwVarsArguments ?? [])
            + certificates.flatMap { ["--add-db", Self.dbOwner, $0] }
            + mokList.flatMap { ["--add-mok", Self.dbOwner, $0] }
    }
}
