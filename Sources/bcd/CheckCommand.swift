import ArgumentParser
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
    @Flag(name: .customLong("json"), help: "Print a JSON document instead of text.") var json = false

    func validate() throws {
        if uefi && bios { throw ValidationError("--uefi and --bios exclude each other") }
        for file in files where !file.contains("=") || file.hasPrefix("=") {
            throw ValidationError("--file wants NAME=PATH, got '\(file)'")
        }
    }

    func run() throws {
        var supplied: [SuppliedFile] = []
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("\(directory): not a directory")
                throw ExitCode(2)
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue, !name.hasPrefix(".") {
                    supplied.append(SuppliedFile(name: name, path: path))
                }
            }
        }
        for item in files {
            let parts = item.split(separator: "=", maxSplits: 1)
            let file = SuppliedFile(name: String(parts[0]), path: parts.count > 1 ? String(parts[1]) : "")
            // An explicit --file replaces a --dir file of the same name.
            if let i = supplied.firstIndex(where: { $0.name.lowercased() == file.name.lowercased() && !$0.path.isEmpty && directory != nil && $0.path.hasPrefix(directory!) }) {
                supplied.remove(at: i)
            }
            supplied.append(file)
        }

        var options = CheckOptions(firmware: bios ? .bios : .uefi, imageIndex: index, searchDirectory: directory)
        if !supplied.isEmpty {
            let storeReal = URL(fileURLWithPath: store).resolvingSymlinksInPath().path
            options.storeName = supplied.first { URL(fileURLWithPath: $0.path).resolvingSymlinksInPath().path == storeReal }?.name
                ?? URL(fileURLWithPath: store).lastPathComponent
        }

        let (bcdStore, diagnostics) = check(storeAt: store, files: supplied, options: options)
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
