/// The Microsoft CAs that sign what UEFI firmware starts, known by their certificates' common
/// names (a signer's issuer, AuthenticodeSigner.issuer). Microsoft is replacing the 2011 CAs
/// with the 2023 ones; the CVE-2023-24932 (BlackLotus) mitigations put the Windows Production
/// PCA 2011 into dbx, so such machines refuse every boot manager it signed.
public enum MicrosoftBootCA: String, CaseIterable, Sendable {
    /// Windows boot managers up to the 2023 transition (`\Windows\Boot\EFI\bootmgfw.efi`).
    case windowsProductionPCA2011 = "Microsoft Windows Production PCA 2011"
    /// Windows boot managers after it (`\Windows\Boot\EFI_EX\bootmgfw_EX.efi`).
    case windowsUEFICA2023 = "Windows UEFI CA 2023"
    /// Third-party images (shim, option ROMs), 2011.
    case uefiCA2011 = "Microsoft Corporation UEFI CA 2011"
    /// Third-party images, 2023.
    case uefiCA2023 = "Microsoft UEFI CA 2023"

    public init?(issuer: String) { self.init(rawValue: issuer) }

    public var is2011: Bool { self == .windowsProductionPCA2011 || self == .uefiCA2011 }
}
