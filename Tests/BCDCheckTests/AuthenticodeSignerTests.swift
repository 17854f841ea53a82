import BCDCheck
import BCDKit
import BootCore
import Foundation
import Testing

/// The signer read from a PE's certificate table (PECertificateTable), on stand-ins signed with
/// sbsign by test keys whose common names mimic Microsoft's CAs, and `bcd check`'s use of it.
@Suite struct AuthenticodeSignerTests {
    /// Signed stand-ins, made once: by a self-signed "PCA 2011", by a leaf "Microsoft Windows"
    /// that a "PCA 2011" issued (the real boot manager's chain), and by a "Windows UEFI CA 2023".
    final class Images: @unchecked Sendable {
        static let shared = Result { try Images() }
        let dir: URL
        let unsigned: String
        var selfSigned2011 = "", leaf2011 = "", signed2023 = ""

        private init() throws {
            dir = try Tools.scratch()
            try Tools.run("make", ["-s", "-C", Tools.repositoryRoot.appendingPathComponent("loader").path, "standin"])
            unsigned = Tools.repositoryRoot.appendingPathComponent("loader/build/standin.efi").path
            selfSigned2011 = try sign(with: try authority("pca2011", "Microsoft Windows Production PCA 2011"), as: "self2011.efi")
            let pca = try authority("pca2011b", "Microsoft Windows Production PCA 2011")
            let leaf = path("leaf")
            try Tools.run("openssl", ["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Microsoft Windows/",
                                      "-keyout", leaf + ".key", "-out", leaf + ".csr"])
            try Tools.run("openssl", ["x509", "-req", "-in", leaf + ".csr", "-CA", pca + ".crt", "-CAkey", pca + ".key",
                                      "-CAcreateserial", "-days", "3650", "-sha256", "-out", leaf + ".crt"])
            leaf2011 = try sign(with: leaf, as: "leaf2011.efi")
            signed2023 = try sign(with: try authority("ca2023", "Windows UEFI CA 2023"), as: "ca2023.efi")
        }

        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

        /// A self-signed key pair (NAME.key, NAME.crt) with this common name; its path stem.
        func authority(_ name: String, _ commonName: String) throws -> String {
            let stem = path(name)
            try Tools.run("openssl", ["req", "-new", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
                                      "-subj", "/CN=\(commonName)/", "-keyout", stem + ".key", "-out", stem + ".crt"])
            return stem
        }

        func sign(with stem: String, as name: String) throws -> String {
            try Tools.run("sbsign", ["--key", stem + ".key", "--cert", stem + ".crt", "--output", path(name), unsigned])
            return path(name)
        }
    }

    func signers(_ path: String) throws -> [AuthenticodeSigner] {
        try PECertificateTable.signers(of: MemorySource(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    @Test func selfSignedCA() throws {
        let images = try Images.shared.get()
        #expect(try signers(images.selfSigned2011) == [AuthenticodeSigner(issuer: "Microsoft Windows Production PCA 2011",
                                                                          subject: "Microsoft Windows Production PCA 2011")])
        #expect(try signers(images.signed2023) == [AuthenticodeSigner(issuer: "Windows UEFI CA 2023", subject: "Windows UEFI CA 2023")])
        #expect(MicrosoftBootCA(issuer: try signers(images.signed2023)[0].issuer) == .windowsUEFICA2023)
    }

    @Test func leafIssuedByTheCA() throws {
        let images = try Images.shared.get()
        #expect(try signers(images.leaf2011) == [AuthenticodeSigner(issuer: "Microsoft Windows Production PCA 2011", subject: "Microsoft Windows")])
    }

    @Test func unsignedHasNoSigner() throws {
        #expect(try signers(try Images.shared.get().unsigned) == [])
    }

    @Test func notAPEImage() throws {
        #expect {
            try PECertificateTable.signers(of: MemorySource(Array(repeating: 0x41, count: 4096)))
        } throws: { ($0 as? PECertificateTable.Failure)?.message == "it is not a PE image (no MZ header)" }
        #expect {
            try PECertificateTable.signers(of: MemorySource([0x4D, 0x5A]))
        } throws: { ($0 as? PECertificateTable.Failure)?.message == "it is not a PE image (too short for an MZ header)" }
    }

    /// A signed image cut inside its signature: the table runs past the end; a damaged
    /// signature (its DER) is named as such, never read as "unsigned".
    @Test func damagedTable() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try Images.shared.get().selfSigned2011)))
        #expect {
            try PECertificateTable.signers(of: MemorySource(Array(bytes.dropLast(100))))
        } throws: { ($0 as? PECertificateTable.Failure)?.message.contains("runs past the end of the file") == true }
        var damaged = bytes
        // The WIN_CERTIFICATE is the file's tail; its header is 8 bytes, then the ContentInfo SEQUENCE.
        let table = try #require(findWinCertificate(in: bytes))
        damaged[table + 8] = 0x31
        #expect {
            try PECertificateTable.signers(of: MemorySource(damaged))
        } throws: { ($0 as? PECertificateTable.Failure)?.message.hasPrefix("its Authenticode signature cannot be read: ") == true }
    }

    /// Every byte of the certificate table set to 0x00, 0x80 and 0xFF in turn, and the table cut
    /// at every seventh length: each read returns or throws (a crash fails the whole run); a cut
    /// table always throws (it runs past the end of the file).
    @Test func damagedSignaturesNeverCrash() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try Images.shared.get().leaf2011)))
        let table = try #require(findWinCertificate(in: bytes))
        var outcomes = (signers: 0, failures: 0)
        for at in table..<bytes.count {
            for value: UInt8 in [0x00, 0x80, 0xFF] where bytes[at] != value {
                var damaged = bytes
                damaged[at] = value
                if (try? PECertificateTable.signers(of: MemorySource(damaged))) != nil { outcomes.signers += 1 } else { outcomes.failures += 1 }
            }
        }
        for cut in stride(from: table, to: bytes.count, by: 7) {
            #expect(throws: PECertificateTable.Failure.self) { try PECertificateTable.signers(of: MemorySource(Array(bytes[..<cut]))) }
        }
        // Damage in the structure is reported; damage in signature bytes or names is not seen.
        #expect(outcomes.failures > 0 && outcomes.signers > 0)
    }

    /// The offset of the first WIN_CERTIFICATE (revision 0x0200, type 2) whose length runs to the end.
    func findWinCertificate(in bytes: [UInt8]) -> Int? {
        stride(from: bytes.count - 16, through: 0, by: -8).first { at in
            let length = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            return bytes[at + 4] == 0x00 && bytes[at + 5] == 0x02 && bytes[at + 6] == 0x02 && bytes[at + 7] == 0x00
                && at + ((length + 7) & ~7) == bytes.count
        }
    }

    // MARK: bcd check

    func findings(_ replacements: [String: String], secureBoot: Bool) throws -> [Diagnostic] {
        let ws = try Workspace.get()
        return check(store: try load(ws.bcd), files: ws.files(replacements), options: CheckOptions(storeName: "BCD", secureBoot: secureBoot))
            .filter { $0.rule.hasPrefix("bootmgr.") }
    }

    @Test func checkNamesTheSignerAndWarnsUnderSecureBoot() throws {
        let images = try Images.shared.get()
        let plain = try findings(["bootmgfw.efi": images.leaf2011], secureBoot: false)
        #expect(plain.map(\.rule) == ["bootmgr.signer"])
        #expect(plain.first?.message == "bootmgfw.efi, which the loader starts, is signed by Microsoft Windows Production PCA 2011 (certificate \"Microsoft Windows\")")
        let secure = try findings(["bootmgfw.efi": images.leaf2011], secureBoot: true)
        #expect(secure.map(\.rule) == ["bootmgr.signer", "bootmgr.secure-boot-2011"])
        #expect(secure.last?.severity == .warning)
        #expect(secure.last?.message.contains("bootmgfw.efi is signed by the Microsoft Windows Production PCA 2011, which machines with the 2023 revocations") == true)
    }

    @Test func noWarningWithA2023BootManager() throws {
        let images = try Images.shared.get()
        let both = try findings(["bootmgfw.efi": images.leaf2011, "bootmgfw_EX.efi": images.signed2023], secureBoot: true)
        #expect(both.map(\.rule) == ["bootmgr.choice", "bootmgr.signer"])
        #expect(both.last?.message == "bootmgfw_EX.efi, which the loader starts, is signed by Windows UEFI CA 2023; the fallback bootmgfw.efi is signed by Microsoft Windows Production PCA 2011 (certificate \"Microsoft Windows\")")
        // Unsigned: nothing to say about signers (Secure Boot's refusal is the boot's to report).
        #expect(try findings(["bootmgfw.efi": images.unsigned], secureBoot: true).isEmpty)
    }

    /// From the WIM: the signer is read from the boot manager the loader extracts.
    @Test func signerOfTheWIMsBootManager() throws {
        let images = try Images.shared.get()
        let tree = images.dir.appendingPathComponent("tree")
        for (file, from) in [("Windows/Boot/EFI/bootmgfw.efi", images.selfSigned2011), ("Windows/System32/boot/winload.efi", images.unsigned)] {
            let url = tree.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.copyItem(atPath: from, toPath: url.path)
        }
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("Windows/System32/config"), withIntermediateDirectories: true)
        let wim = images.path("signed.wim")
        try? FileManager.default.removeItem(atPath: wim)
        try Tools.run("wimcapture", [tree.path, wim, "WinPE", "--boot", "--compress=lzx"])
        let found = try findings(["boot.wim": wim], secureBoot: true)
        #expect(found.map(\.rule) == ["bootmgr.signer", "bootmgr.secure-boot-2011"])
        #expect(found.first?.message == "bootmgfw.efi, which the loader starts, is signed by Microsoft Windows Production PCA 2011")
    }
}
