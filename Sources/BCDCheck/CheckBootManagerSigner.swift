import BootCore

/// Who signed the boot managers the loader will try (PECertificateTable), and what that means
/// under Secure Boot: the CVE-2023-24932 mitigations revoke the Windows Production PCA 2011.
extension Checker {
    /// Notes the signer of the boot manager that starts (and of its fallback); warns when Secure
    /// Boot is requested and only boot managers signed by the Windows Production PCA 2011 are
    /// there. Unsigned images and images whose signature cannot be read get no note.
    mutating func noteBootManagerSigners(_ candidates: [String], supplied: [String]) {
        let signed: [(name: String, signers: [AuthenticodeSigner])] = candidates.compactMap { name in
            guard let signers = bootManagerSigners(name, supplied: supplied), !signers.isEmpty else { return nil }
            return (name, signers)
        }
        guard !signed.isEmpty else { return }
        func by(_ signers: [AuthenticodeSigner]) -> String {
            signers.map { signer in
                signer.issuer + (signer.subject.flatMap { $0 == signer.issuer ? nil : " (certificate \"\($0)\")" } ?? "")
            }.joined(separator: " and ")
        }
        let parts = signed.map { entry in
            entry.name == candidates[0] ? "\(entry.name), which the loader starts, is signed by \(by(entry.signers))"
                                        : "the fallback \(entry.name) is signed by \(by(entry.signers))"
        }
        add(Rules.bootManagerSigner(parts.joined(separator: "; ")))

        guard options.secureBoot else { return }
        let cas = signed.flatMap { $0.signers.compactMap { MicrosoftBootCA(issuer: $0.issuer) } }
        guard cas.contains(.windowsProductionPCA2011), !cas.contains(.windowsUEFICA2023) else { return }
        let old = signed.filter { $0.signers.contains { MicrosoftBootCA(issuer: $0.issuer) == .windowsProductionPCA2011 } }.map(\.name)
        add(Rules.bootManagerSigned2011(
            "Secure Boot is requested and no boot manager here is signed by the \(MicrosoftBootCA.windowsUEFICA2023.rawValue): \(old.joined(separator: " and ")) is signed by the \(MicrosoftBootCA.windowsProductionPCA2011.rawValue), which machines with the 2023 revocations (CVE-2023-24932: that CA in dbx) refuse",
            fix: "serve one signed by the \(MicrosoftBootCA.windowsUEFICA2023.rawValue) too: --file bootmgfw_EX.efi=PATH, or a WIM with \\Windows\\Boot\\EFI_EX\\bootmgfw_EX.efi (Windows 11 media have it)",
            file: old[0]))
    }

    /// The Authenticode signers of the boot manager served as `name`: the supplied file, else the
    /// one the loader takes from its WIM (LoaderWimFiles.bootManagers, read with BootCore as the
    /// loader reads it). Nil when there are no bytes or no readable signature.
    func bootManagerSigners(_ name: String, supplied: [String]) -> [AuthenticodeSigner]? {
        if asciiIndex(of: name, in: supplied) != nil {
            guard let served = file(named: name), usable.contains(served.path), let source = HostFile(path: served.path) else { return nil }
            return try? PECertificateTable.signers(of: source)
        }
        guard let wimFile = loaderWIM, let source = HostFile(path: wimFile.path),
              let inside = LoaderWimFiles.bootManagers.first(where: { asciiEqualIgnoringCase($0.name, name) }) else { return nil }
        do throws(WIMError) {
            let archive = try WIMArchive(source: source)
            let image = try archive.image(LoaderWimChoice.image(requested: options.imageIndex, bootIndex: archive.info.bootIndex))
            let bytes = try archive.readAll(try image.lookup(inside.path))
            return try? PECertificateTable.signers(of: MemorySource(bytes))
        } catch {
            return nil
        }
    }
}
