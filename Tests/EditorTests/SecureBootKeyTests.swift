import BCDBoot
import BCDCheck
import BCDKit
import Foundation
import TestSupport
import Testing
@testable import BCDEditor

/// The boot key with the workspace's keys (issue 19): with `keys/db.key` and `keys/db.crt`
/// beside the store, `b` and `B` ask for a Secure Boot boot (profile 2011 unless `S` picked
/// another) and the diagnostics check for one; without keys, as before.
@Suite("Editor: the boot key with Secure Boot and the workspace's keys") struct SecureBootKeyTests {
    static func folder(of state: EditorState) -> String {
        URL(fileURLWithPath: state.file.path).deletingLastPathComponent().path
    }

    @Test func withoutKeysTheBootKeysBootAsBefore() throws {
        var state = try EditorFixtures.state()
        #expect(state.secureBoot == nil)
        _ = state.diagnostics
        #expect(state.render().contains("· b test boot\n") || state.render().contains("· b test boot "))
        #expect(!state.render().contains("secure boot"))
        state.press(.character("b"))
        #expect(state.bootRequest == BootKeyRequest(force: false))
        #expect(state.message?.text.contains("secure boot") == false)
        // S picks a profile but says it is off until there are keys.
        state.press(.character("S"))
        #expect(state.message?.text.hasPrefix("secure boot: off (no keys/db.key and keys/db.crt beside the store") == true)
        #expect(state.message?.text.hasSuffix("with keys: profile 2023") == true)
        state.bootRequest = nil
        state.press(.character("b"))
        #expect(state.bootRequest == BootKeyRequest(force: false))
    }

    @Test func workspaceKeysMakeTheDiskBootsSecureBootOnes() throws {
        var state = try EditorFixtures.state()
        _ = try LoaderSigning.makeKeys(in: Self.folder(of: state) + "/keys")
        #expect(state.secureBoot == .ms2011)
        _ = state.diagnostics
        #expect(state.render().contains("· b test boot (secure boot 2011)"))
        state.press(.character("b"))
        #expect(state.bootRequest == BootKeyRequest(force: false, secureBoot: .ms2011))
        #expect(state.message?.text.hasSuffix("attached files; secure boot: on (2011), loader signed by keys/db.crt") == true)
        state.bootRequest = nil
        state.press(.character("B"))
        #expect(state.bootRequest == BootKeyRequest(force: false, onConsole: true, secureBoot: .ms2011))
        // Over HTTP the boot is as before, and the line says Secure Boot is off for it.
        state.bootRequest = nil
        state.press(.character("N"))
        #expect(state.bootRequest == BootKeyRequest(force: false, mode: .http))
        #expect(state.message?.text.hasSuffix("; secure boot: off") == true)

        // S: 2023, shim, off, then 2011 again.
        var seen: [SecureBootProfile?] = []
        for _ in 0..<4 {
            state.press(.character("S"))
            seen.append(state.secureBoot)
            state.bootRequest = nil
            state.press(.character("b"))
            #expect(state.bootRequest?.secureBoot == state.secureBoot)
        }
        #expect(seen == [.ms2023, .shim, nil, .ms2011])
        #expect(state.message?.text.contains("secure boot: on (2011)") == true)

        // Without the certificate half the pair is not the workspace's keys: off.
        try FileManager.default.removeItem(atPath: Self.folder(of: state) + "/keys/db.crt")
        #expect(state.secureBoot == nil)
        state.bootRequest = nil
        state.press(.character("b"))
        #expect(state.bootRequest == BootKeyRequest(force: false))
    }

    /// A copy of the stand-in signed by `key`/`cert` (sbsign, through `bcd loader sign`'s code).
    static func signedStandin(key: String, cert: String, to output: String) throws {
        let standin = EditorFixtures.repositoryRoot.appendingPathComponent("loader/build/standin.efi").path
        try #require(FileManager.default.fileExists(atPath: standin), "no \(standin): make -C loader first")
        try LoaderSigning.sign(input: standin, key: key, cert: cert, output: output)
    }

    @Test func theDiagnosticsWarnAboutA2011OnlyBootManagerWhenTheBootIsASecureBootOne() throws {
        let demo = try PaneEndToEndTests.demoWorkspace()
        // A bootmgfw.efi signed by a test CA named like Microsoft's 2011 PCA, supplied beside the store.
        let ca = try EditorFixtures.scratch()
        let key = ca.appendingPathComponent("pca.key").path, cert = ca.appendingPathComponent("pca.crt").path
        let run = try Programs.run("openssl", ["req", "-new", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
                                              "-subj", "/CN=Microsoft Windows Production PCA 2011/", "-keyout", key, "-out", cert])
        try #require(run.status == 0, "openssl: \(run.stderr)")
        try Self.signedStandin(key: key, cert: cert, to: demo + "/bootmgfw.efi")

        var state = EditorState(file: try StoreFile.open(demo + "/BCD"))
        #expect(state.attachedFiles.contains { $0.name == "bootmgfw.efi" })
        let warning = "bootmgr.secure-boot-2011"
        #expect(!state.diagnostics.contains { $0.rule == warning }, "no keys: not a Secure Boot boot")
        _ = try LoaderSigning.makeKeys(in: demo + "/keys")
        let found = try #require(state.diagnostics.first { $0.rule == warning })
        #expect(found.severity == .warning)
        #expect(state.diagnosticsSummary.contains("1 warning"))
        state.press(.character("S"), .character("S"), .character("S"))   // 2023, shim, off
        #expect(state.secureBoot == nil)
        #expect(!state.diagnostics.contains { $0.rule == warning }, "Secure Boot turned off with S")
    }

    /// End to end: the boot key's run on the demo workspace with keys and a stand-in signed by
    /// them as bootmgfw.efi boots under OVMF's Secure Boot build, the loader signed by those keys.
    @Test func theBootKeyBootsWithSecureBootAndTheWorkspacesKeys() throws {
        let demo = try PaneEndToEndTests.demoWorkspace()
        let keys = try LoaderSigning.makeKeys(in: demo + "/keys")
        try Self.signedStandin(key: keys.key, cert: keys.cert, to: demo + "/bootmgfw.efi")
        var state = EditorState(file: try StoreFile.open(demo + "/BCD"))
        state.press(.character("b"))
        let request = try #require(state.bootRequest, "b did not ask for a boot: \(state.message?.text ?? "")")
        #expect(request.secureBoot == .ms2011)
        var report = ""
        var waited = false
        let outcome = BootKeyRun.run(state, request: request, write: { report += $0 }, waitForEnter: { waited = true })
        #expect(waited)
        #expect(outcome.kind == .success, "\(report)")
        #expect(report.contains("bcd: secure boot: on (profile 2011), loader signed by the workspace's keys/db.crt\n"))
        #expect(report.contains("secure boot: signing the loader with the workspace's keys (\(keys.key), \(keys.cert))"))
        #expect(report.contains("\n  loader: secure boot on\n"))
        state.showBootOutcome(outcome, of: request)
        #expect(state.message?.isError == false)
        #expect(state.message?.text.hasSuffix("(secure boot: on (2011), loader signed by keys/db.crt)") == true)
    }
}
