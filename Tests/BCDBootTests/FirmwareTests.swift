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
