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
