import BCDKit
import BootCore

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
    /// A BIOS plan: one boot manager, no Secure Boot (the summary names no signer).
    public var bios = false

    /// One line: the one that starts, its signer, and the fallback.
    public var summary: String {
        guard let first = candidates.first else { return problem ?? "no boot manager" }
        func signed(_ candidate: Candidate) -> String {
            guard let signers = candidate.signers else { return "signature unreadable" }
            return signers.isEmpty ? "unsigned" : "signed by " + signers.map(\.issuer).joined(separator: " and ")
        }
        if bios { return "\(first.name) starts (\(first.origin); BIOS: no Secure Boot, no choice)" }
        var text = "\(first.name) starts (\(first.origin); \(signed(first)))"
        for next in candidates.dropFirst() { text += "; if Secure Boot refuses it, \(next.name) (\(next.origin); \(signed(next)))" }
        return text
    }

    /// The plan for `files`. BIOS has no choice and no Secure Boot: bootmgr.exe, from where
    /// BootCore's LoaderBiosFiles takes it (its signature is not shown).
    public init(store: BCDStore, files: [ServedFile], options: CheckOptions) {
        var checker = Checker(store: store, files: files, options: options)
        checker.checkServedFiles()
        checker.checkBootManager()
        let supplied = files.map(\.name)
        if options.firmware == .bios {
            let problem = checker.diagnostics.first { $0.rule.hasPrefix("bootmgr.") || $0.rule.hasPrefix("wim.") }?.message
            let name = LoaderBiosFiles.bootManagerName
            switch LoaderBiosFiles.bootManagerSources(among: supplied).first {
            case .supplied?: candidates = [Candidate(name: name, origin: "supplied", signers: [])]
            case .extracted(let i)?: candidates = [Candidate(name: name, origin: "extracted from the supplied \(supplied[i])", signers: [])]
            default:
                candidates = problem == nil
                    ? [Candidate(name: name, origin: "from \(checker.loaderWIM?.name ?? "the WIM")'s \(LoaderBiosFiles.bootManager.path)", signers: [])] : []
            }
            self.problem = candidates.isEmpty ? problem ?? "no boot manager" : nil
            bios = true
            return
        }
        candidates = checker.bootManagerCandidates.map { name in
            Candidate(name: name, origin: checker.bootManagerOrigin(name, supplied: supplied),
                      signers: checker.bootManagerSigners(name, supplied: supplied))
        }
        problem = candidates.isEmpty ? checker.diagnostics.first { $0.rule.hasPrefix("bootmgr.") || $0.rule.hasPrefix("wim.") }?.message : nil
    }
}
