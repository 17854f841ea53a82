/// `bcd boot --secure-boot=2011|2023|shim`: which Microsoft CAs the test machine's db and KEK
/// hold, and how it trusts the loader. All start from Debian's `OVMF_VARS_4M.ms.fd` (PK and KEK:
/// Debian's key and Microsoft's KEK CA 2011; db: Microsoft Windows Production PCA 2011 and
/// Microsoft UEFI CA 2011), as older PCs ship; the loader's certificate is added to db (2011,
/// 2023) or to MokList (shim).
public enum SecureBootProfile: String, CaseIterable, Sendable {
    /// The template as it is: a 2023-signed boot manager (bootmgfw_EX.efi) is refused.
    case ms2011 = "2011"
    /// As new PCs ship: the template plus the 2023 CAs (virt-fw-vars --enroll-microsoft with
    /// --microsoft-kek all --microsoft-db all adds, never replaces, in KEK: Microsoft Corporation
    /// KEK 2K CA 2023; in db: Windows UEFI CA 2023, Microsoft UEFI CA 2023, Microsoft Option ROM
    /// UEFI CA 2023). It also sets PK to Microsoft's Windows OEM Devices PK, which verifies no image.
    case ms2023 = "2023"
    /// As a stock PC runs a loader that is not Microsoft's: Debian's Microsoft-signed shim
    /// (shim-signed; the UEFI CA 2011 in the 2011 db signs it) as BOOTX64.EFI, the loader beside
    /// it as grubx64.efi, and the loader's certificate in MokList (as after `mokutil --import`
    /// and MokManager's confirmation), not in db. The db is the 2011 one.
    case shim = "shim"

    /// "2011, 2023 or shim", for messages.
    public static var choices: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The loader's certificate goes into MokList, for shim, instead of db.
    public var trustsLoaderThroughShim: Bool { self == .shim }

    /// virt-fw-vars arguments beyond `-i TEMPLATE -o NVRAM` and the db certificates.
    var virtFwVarsArguments: [String] {
        switch self {
        case .ms2011, .shim: return []
        case .ms2023: return ["--enroll-microsoft", "--microsoft-kek", "all", "--microsoft-db", "all"]
        }
    }

    /// The Windows boot manager signing CAs (by year) whose certificates db holds; a stand-in
    /// certificate given for a year (`--test-ca YEAR=CERT`) is added to db exactly when its
    /// year is here.
    public var trustedCAYears: [String] {
        switch self {
        case .ms2011, .shim: return ["2011"]
        case .ms2023: return ["2011", "2023"]
        }
    }

    /// For the progress line.
    public var summary: String {
        switch self {
        case .ms2011: return "Microsoft's 2011 CAs in db (as older PCs ship)"
        case .ms2023: return "Microsoft's 2011 and 2023 CAs in db and KEK (as new PCs ship)"
        case .shim: return "Microsoft's 2011 CAs in db, the loader started by Microsoft-signed shim with its certificate in MokList"
        }
    }
}
