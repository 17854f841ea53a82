import ArgumentParser
import BCDBoot
import BCDCheck
import BCDKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check whether a store boots with the files the loader will serve.",
        discussion: """
            Name each file as the loader will serve it (iPXE: imgfetch --name NAME), or give a directory \
            whose files are served under their own names. Exit status: 0 clean (notes allowed), \
            1 warnings only, 2 errors. Rules: docs/check.md.
            """)

    @Argument(help: "The BCD store.") var store: String
    @Option(name: .customLong("file"), help: ArgumentHelp("A served file, as NAME=PATH (repeatable).", valueName: "NAME=PATH"))
    var files: [String] = []
    @Option(name: .customLong("dir"), help: ArgumentHelp("Serve every file in DIR under its own name; VHDs are also looked for here.", valueName: "DIR"))
    var directory: String?
    @Flag(name: .customLong("uefi"), help: "Check for UEFI (the default): winload.efi, bootmgfw.efi.") var uefi = false
    @Flag(name: .customLong("bios"), help: "Check for BIOS: winload.exe, bootmgr.exe.") var bios = false
    @Option(name: .customLong("index"), help: "The WIM image to boot (default: the WIM's boot index).") var index: Int?
    @Option(name: .customLong("memory"), help: "The guest memory a boot will have, in MiB, when set by hand: warns when it is too small for the files.") var memory: Int?
    @Option(name: .customLong("secure-boot"), help: ArgumentHelp("The boot runs with Secure Boot on (as `bcd boot --secure-boot`; alone: 2011): warn when no boot manager is signed by the Windows UEFI CA 2023 and one is signed by the Windows Production PCA 2011, which machines with the 2023 revocations refuse.", valueName: "2011|2023|shim"))
    var secureBoot: String?
    @Flag(name: .customLong("json"), help: "Print a JSON document instead of text.") var json = false

    func validate() throws {
        if uefi && bios { throw ValidationError("--uefi and --bios exclude each other") }
        if let secureBoot, SecureBootProfile(rawValue: secureBoot) == nil {
            throw ValidationError("--secure-boot takes \(SecureBootProfile.choices), got '\(secureBoot)'")
        }
        try ServedFileOptions.validate(files)
    }

    func run() throws {
        let served: ServedFiles
        do {
            served = try ServedFiles.resolve(store: store, directory: directory, named: files.compactMap(ServedFiles.pair), serving: .amongFiles)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let options = served.checkOptions(firmware: bios ? .bios : .uefi, imageIndex: index, memory: memory, secureBoot: secureBoot != nil)
        let (bcdStore, diagnostics) = check(storeAt: store, files: served.files, options: options)
        if json {
            print(CheckReport.json(diagnostics, store: bcdStore), terminator: "")
        } else {
            let color = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            print(CheckReport.text(diagnostics, store: bcdStore, color: color), terminator: "")
        }
        let status = exitStatus(for: diagnostics)
        if status != 0 { throw ExitCode(status) }
    }
}
