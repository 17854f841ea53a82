import Foundation
import Testing
@testable import BCDBoot

/// The repository root, from this file's place in Tests/BCDBootTests.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

@Test func theShellHarnessesNameTheSameFirmwareAsBcdBoot() throws {
    let text = try String(contentsOfFile: repositoryRoot + "/scripts/firmware.sh", encoding: .utf8)
    func assignment(_ name: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }
    #expect(assignment("OVMF_CODE_DEFAULT") == Firmware.ovmf.code)
    #expect(assignment("OVMF_VARS_DEFAULT") == Firmware.ovmf.varsTemplate)
}

@Test func missingFirmwareNamesTheFileAndThePackage() throws {
    let scratch = try ScratchDirectory("fw")
    defer { scratch.remove() }
    let code = try scratch.write("code", to: "CODE.fd")
    let absent = scratch.path + "/VARS.fd"
    do {
        try Firmware(code: code, varsTemplate: absent).requireReadable()
        Issue.record("a missing variables template was accepted")
    } catch let failure as BootFailure {
        #expect(failure.message == "missing OVMF firmware \(absent) (Debian package ovmf; scripts/install-deps.sh installs it)")
    }
    try Firmware(code: code, varsTemplate: code).requireReadable()
}

@Test func eachRunGetsAFreshNvramAndTheTemplateStaysAsItWas() throws {
    let scratch = try ScratchDirectory("nvram")
    defer { scratch.remove() }
    let firmware = Firmware(code: try scratch.write("code", to: "CODE.fd"), varsTemplate: try scratch.write("vars", to: "VARS.fd"))
    let nvram = try scratch.write("written by the last run", to: "vars.fd")
    try firmware.makeNvram(at: nvram)
    #expect(FileManager.default.contents(atPath: nvram) == Data("vars".utf8))
    #expect(FileManager.default.contents(atPath: firmware.varsTemplate) == Data("vars".utf8))
}

@Test func kvmIsTriedOnlyWhenItsDeviceOpensAndIsNotRefused() throws {
    let scratch = try ScratchDirectory("kvm")
    defer { scratch.remove() }
    let device = try scratch.write("", to: "kvm")
    #expect(Acceleration.probe(environment: [:], device: device) == .kvmThenTCG)
    #expect(Acceleration.probe(environment: ["BCD_BOOT_NO_KVM": "1"], device: device) == .tcg)
    #expect(Acceleration.probe(environment: [:], device: scratch.path + "/absent") == .tcg)
}

@Test func kvmIsNotTriedOnceItFailedHere() throws {
    let scratch = try ScratchDirectory("kvm-note")
    defer { scratch.remove() }
    let device = try scratch.write("", to: "kvm")
    #expect(Acceleration.probe(environment: [:], device: device, knownToFail: true) == .tcg)

    let qemu = try scratch.write("binary", to: "qemu-system-x86_64")
    let note = try #require(KvmFailureNote.standard(qemu: qemu, environment: ["XDG_CACHE_HOME": scratch.path]))
    #expect(note.path == scratch.path + "/bcd/kvm-failed")
    #expect(!note.isRecorded)
    #expect(note.record(error: "KVM internal error. Suberror: 1"))
    #expect(note.isRecorded)
    #expect(note.recordedError == "KVM internal error. Suberror: 1")
    // Another QEMU binary (or kernel) is not covered by the note: KVM is tried again.
    try "a newer binary".write(toFile: qemu, atomically: false, encoding: .utf8)
    let upgraded = try #require(KvmFailureNote.standard(qemu: qemu, environment: ["XDG_CACHE_HOME": scratch.path]))
    #expect(!upgraded.isRecorded)
    // Without XDG_CACHE_HOME the note is under ~/.cache; without either there is none.
    #expect(KvmFailureNote.standard(qemu: qemu, environment: ["HOME": "/home/u"])?.path == "/home/u/.cache/bcd/kvm-failed")
    #expect(KvmFailureNote.standard(qemu: qemu, environment: [:]) == nil)
}

@Test func theSecureBootProfilesAddTheir2023CAsAndTheCertificatesToDb() {
    let p2011 = Firmware.ovmfSecureBoot(.ms2011), p2023 = Firmware.ovmfSecureBoot(.ms2023)
    #expect(p2011 == Firmware.ovmfSecureBoot2011 && p2011.secureBoot && !Firmware.ovmf.secureBoot)
    #expect(p2011.varsTemplate == "/usr/share/OVMF/OVMF_VARS_4M.ms.fd" && p2023.varsTemplate == p2011.varsTemplate)
    let owner = Firmware.dbOwner
    #expect(p2011.virtFwVarsArguments(output: "/s/v.fd", trusting: ["/k/db.crt"])
            == ["-i", p2011.varsTemplate, "-o", "/s/v.fd", "--add-db", owner, "/k/db.crt"])
    #expect(p2023.virtFwVarsArguments(output: "/s/v.fd", trusting: ["/k/db.crt", "/t/ca.crt"])
            == ["-i", p2023.varsTemplate, "-o", "/s/v.fd", "--enroll-microsoft", "--microsoft-kek", "all", "--microsoft-db", "all",
                "--add-db", owner, "/k/db.crt", "--add-db", owner, "/t/ca.crt"])
    #expect(SecureBootProfile.ms2011.trustedCAYears == ["2011"])
    #expect(SecureBootProfile.ms2023.trustedCAYears == ["2011", "2023"])
    // shim: the 2011 template; the loader's certificate in MokList, test CAs in db.
    let shim = Firmware.ovmfSecureBoot(.shim)
    #expect(shim.varsTemplate == p2011.varsTemplate && SecureBootProfile.shim.trustsLoaderThroughShim && !SecureBootProfile.ms2011.trustsLoaderThroughShim)
    #expect(shim.virtFwVarsArguments(output: "/s/v.fd", trusting: ["/t/ca.crt"], mokList: ["/k/db.crt"])
            == ["-i", p2011.varsTemplate, "-o", "/s/v.fd", "--add-db", owner, "/t/ca.crt", "--add-mok", owner, "/k/db.crt"])
    #expect(SecureBootProfile.shim.trustedCAYears == ["2011"])
}

/// The shim profile's varstore, made by the real virt-fw-vars: the certificate is in MokList
/// (shim's GUID 605dab50-e046-4300-abb6-3dd810dd8b23, non-volatile and boot-services only: shim
/// distrusts a MokList visible at runtime; one X.509 EFI_SIGNATURE_LIST), and not in db.
@Test func theShimVarstoreHasTheLoadersCertificateInMokList() throws {
    let scratch = try ScratchDirectory("sbshim")
    defer { scratch.remove() }
    let keys = try LoaderSigning.makeKeys(in: scratch.path + "/keys", commonName: "bcd mok test")
    let nvram = scratch.path + "/vars.fd", json = scratch.path + "/vars.json"
    try Firmware.ovmfSecureBoot(.shim).makeNvram(at: nvram, trusting: [], mokList: [keys.cert])
    let text = try Tools.run("virt-fw-vars", ["-i", nvram, "-p", "-v"])
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex { $0.hasPrefix("name=MokList ") })
    let mok = lines[start...].prefix { $0 == lines[start] || !$0.hasPrefix("name=") }.joined(separator: "\n")
    #expect(mok.contains("siglist type=guid:EfiCertX509 count=1"))
    #expect(mok.contains("subject CN=bcd mok test"))
    let db = lines.drop { !$0.hasPrefix("name=db ") }.dropFirst().prefix { !$0.hasPrefix("name=") }
    #expect(db.contains { $0.contains("CN=Microsoft Corporation UEFI CA 2011") })   // shim's signer
    #expect(!db.contains { $0.contains("CN=bcd mok test") })
    _ = try Tools.run("virt-fw-vars", ["-i", nvram, "--output-json", json])
    let dump = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
    let variables = dump?["variables"] as? [[String: Any]] ?? []
    let entry = try #require(variables.first { $0["name"] as? String == "MokList" })
    #expect(entry["guid"] as? String == "605dab50-e046-4300-abb6-3dd810dd8b23")
    #expect(entry["attr"] as? Int == 3)   // EFI_VARIABLE_NON_VOLATILE | EFI_VARIABLE_BOOTSERVICE_ACCESS
    // EFI_SIGNATURE_LIST.SignatureType = EFI_CERT_X509_GUID a5c059a1-94e4-4aa7-87b5-ab155c2bf072, little-endian.
    #expect((entry["data"] as? String)?.hasPrefix("a159c0a5e494a74a87b5ab155c2bf072") == true)
}

/// The 2023 profile's varstore, made by the real virt-fw-vars and dumped by it: the 2023 CAs are
/// added to the template's (the 2011 ones stay), with the given certificate in db too.
@Test func the2023VarstoreKeepsThe2011CAsAndAddsThe2023Ones() throws {
    let scratch = try ScratchDirectory("sb2023")
    defer { scratch.remove() }
    let keys = try LoaderSigning.makeKeys(in: scratch.path + "/keys", commonName: "bcd profile test")
    func dump(_ profile: SecureBootProfile) throws -> String {
        let nvram = scratch.path + "/vars-\(profile.rawValue).fd"
        try Firmware.ovmfSecureBoot(profile).makeNvram(at: nvram, trusting: [keys.cert])
        return try Tools.run("virt-fw-vars", ["-i", nvram, "-p", "-v"])
    }
    func section(_ name: String, of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("name=\(name) ") }) else { return "" }
        return lines[start...].dropFirst().prefix { !$0.hasPrefix("name=") }.joined(separator: "\n")
    }
    let old = try dump(.ms2011), new = try dump(.ms2023)
    for text in [old, new] {
        #expect(section("db", of: text).contains("CN=Microsoft Windows Production PCA 2011"))
        #expect(section("db", of: text).contains("CN=Microsoft Corporation UEFI CA 2011"))
        #expect(section("db", of: text).contains("CN=bcd profile test"))
        #expect(section("KEK", of: text).contains("CN=Microsoft Corporation KEK CA 2011"))
        #expect(section("SecureBootEnable", of: text).contains("bool: ON"))
    }
    #expect(!section("db", of: old).contains("2023"))
    #expect(section("db", of: new).contains("CN=Windows UEFI CA 2023"))
    #expect(section("db", of: new).contains("CN=Microsoft UEFI CA 2023"))
    #expect(section("KEK", of: new).contains("CN=Microsoft Corporation KEK 2K CA 2023"))
}
