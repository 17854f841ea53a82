import BCDKit

/// Which boot managers the loader will try with these files, where each comes from and who
/// signed it: what `bcd check`'s bootmgr.choice and bootmgr.signer say, for a pane to show
/// (the editor's attached files). The same checker code computes both.
public struct BootManagerPlan: Sendable, Equatable {
    public struct Candidate: Sendable, Equatable {
        public var name: String
        /// "supplied", or "from boot.wim's \Windows\Boot\EFI\bootmgfw.efi".
        public var origin: String
        /// Its Authenticode signers; [] unsigned; nil when the signature cannot be read.
        public var signers: [AuthenticodeSigner]?
    }

    /// In the loader's order: the first starts unless Secure Boot refuses it.
    public var candidates: [Candidate]
    /// Why there is none (the check's bootmgr.missing or WIM finding), when `candidates` is empty.
    public var problem: String?

    /// One line: the one that starts, its signer, and the fallback.
    public var summary: String {
        guard let first = candidates.first else { return problem ?? "no boot manager" }
        func signed(_ candidate: Candidate) -> String {
            guard let signers = candidate.signers else { return "signature unreadable" }
            return signers.isEmpty ? "unsigned" : "signed by " + signers.map(\.issuer).joined(separator: " and ")
        }
        var text = "\(first.name) starts (\(first.origin); \(signed(first)))"
        for next in candidates.dropFirst() { text += "; if Secure Boot refuses it, \(next.name) (\(next.origin); \(signed(next)))" }
        return text
    }

    /// The plan for `files` (UEFI; BIOS has one boot manager and no choice).
    public init(store: BCDStore, files: [ServedFile], options: CheckOptions) {
        var checker = Checker(store: store, files: files, options: options)
        checker.checkServedFiles()
        checker.checkBootManager()
        let supplied = files.map(\.name)
        candidates = checker.bootManagerCandidates.map { name in
            Candidate(name: name, origin: checker.bootManagerOrigin(name, supplied: supplied),
                      signers: checker.bootManagerSigners(name, supplied: supplied))
        }
        problem = candidates.isEmpty ? checker.diagnostics.first { $0.rule.hasPrefix("bootmgr.") || $0.rule.hasPrefix("wim.") }?.message : nil
    }
}
