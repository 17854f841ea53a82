import BCDBoot
import Foundation

/// Whether the editor's disk boot keys (`b`, `B`) boot with Secure Boot: on, with the chosen
/// profile (2011 unless `S` picked another), exactly when the workspace has keys
/// (`<store's folder>/keys/db.key` and `db.crt`, made by `bcd loader keys`); the boot then signs
/// the loader with them as `bcd boot --secure-boot` does (BootSession). Without keys: off.
public struct SecureBootChoice: Sendable, Equatable {
    /// The profile a boot uses when the workspace has keys; nil: off even with keys (`S`).
    public var profile: SecureBootProfile? = .ms2011

    /// The workspace's certificate, as shown: `keys/db.crt` (relative to the store's folder).
    public static let certificateShown = "keys/" + LoaderSigning.certName

    /// The store's folder, where `keys/` is looked for (as BootSession does).
    static func workspace(of store: String) -> String {
        URL(fileURLWithPath: Attachments.absolute(store)).deletingLastPathComponent().path
    }

    /// True when the store's folder holds both halves of the key pair (looked up each time:
    /// `bcd loader keys` may run while the editor is open).
    static func workspaceHasKeys(store: String) -> Bool {
        LoaderSigning.workspaceKeys(workspace: workspace(of: store)) != nil
    }

    /// The profile for a boot of `store` in `mode`: nil without keys, when turned off, or over
    /// HTTP (`N` boots as before: the Secure Boot test boots are disk boots).
    func profile(store: String, mode: BootMode) -> SecureBootProfile? {
        guard mode == .disk, let profile, Self.workspaceHasKeys(store: store) else { return nil }
        return profile
    }

    /// `S`'s order: 2011, 2023, shim, off, 2011 ...
    static func next(after profile: SecureBootProfile?) -> SecureBootProfile? {
        let order: [SecureBootProfile?] = SecureBootProfile.allCases.map { $0 } + [nil]
        let index = order.firstIndex(of: profile) ?? order.count - 1
        return order[(index + 1) % order.count]
    }

    /// For the status line and the boot's report: "secure boot: on (2011), loader signed by keys/db.crt".
    static func summary(_ profile: SecureBootProfile?) -> String {
        guard let profile else { return "secure boot: off" }
        return "secure boot: on (\(profile.rawValue)), loader signed by \(certificateShown)"
    }
}
