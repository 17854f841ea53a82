/// `bcd boot --secure-boot=2011|2023`: which Microsoft CAs the test machine's db and KEK hold.
/// Both start from Debian's `OVMF_VARS_4M.ms.fd` (PK and KEK: Debian's key and Microsoft's KEK
/// CA 2011; db: Microsoft Windows Production PCA 2011 and Microsoft UEFI CA 2011), as older PCs
/// ship; the loader's certificate is added to db in both.
public enum SecureBootProfile: String, CaseIterable, Sendable {
    /// The template as it is: a 2023-signed boot manager (bootmgfw_EX.efi) is refused.
    case ms2011 = "2011"
    /// As new PCs ship: the template plus the 2023 CAs (virt-fw-vars --enroll-microsoft with
    /// --microsoft-kek all --microsoft-db all adds, never replaces, in KEK: Microsoft Corporation
    /// KEK 2K CA 2023; in db: Windows UEFI CA 2023, Microsoft UEFI CA 2023, Microsoft Option ROM
    /// UEFI CA 2023). It also sets PK to Microsoft's Windows OEM Devices PK, which verifies no image.
    case ms2023 = "2023"

    /// virt-fw-vars arguments beyond `-i TEMPLATE -o NVRAM` and the db certificates.
    var virtFwVarsArguments: [String] {
        switch self {
        case .ms2011: return []
        case .ms2023: return ["--enroll-microsoft", "--microsoft-kek", "all", "--microsoft-db", "all"]
        }
    }

    /// The Windows boot manager signing CAs (by year) whose certificates db holds; a stand-in
    /// certificate given for a year (`--test-ca YEAR=CERT`) is added to db exactly when its
    /// year is here.
    public var trustedCAYears: [String] {
        switch self {
        case .ms2011: return ["2011"]
        case .ms2023: return ["2011", "2023"]
        }
    }

    /// For the progress line.
    public var summary: String {
        switch self {
        case .ms2011: return "Microsoft's 2011 CAs in db (as older PCs ship)"
        case .ms2023: return "Microsoft's 2011 and 2023 CAs in db and KEK (as new PCs ship)"
        }
    }
}
