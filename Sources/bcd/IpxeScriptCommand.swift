import ArgumentParser
import BCDBoot
import BootCore
import Foundation

/// `bcd ipxe-script`: the iPXE script `bcd boot --mode network` uses, for a real network.
struct IpxeScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipxe-script",
        abstract: "Write the iPXE script that boots the loader with a store and its files.",
        discussion: """
            The script is `kernel loader.efi ARGS`, one `imgfetch --name NAME URI NAME` per file (the form \
            both UEFI and BIOS iPXE serve), then `boot`; every step is checked, and a failed fetch names \
            its file and runs `imgstat`. \
            Put it, loader/build/loader.efi and the files (under their served names) on a TFTP or HTTP \
            server; --base prefixes every location (e.g. http://server/winpe/). \
            --bios: the script for iPXE on a BIOS machine: `kernel loader.lkrn ARGS` (loader/build/loader.lkrn) \
            and one `initrd --name NAME URI NAME` per file, which iPXE hands over as named newc cpio entries; \
            the BCD is served as it is (no .exe -> .efi patch in BIOS mode).
            """)

    @Argument(help: "The BCD store (served as BCD).") var store: String
    @OptionGroup var served: ServedFileOptions
    @Option(name: .customLong("loader-args"), help: ArgumentHelp("The loader's command line.", valueName: "ARGS")) var loaderArgs: String = ""
    @Option(help: ArgumentHelp("Where the files are served (e.g. http://server/winpe, trailing slash or not).", valueName: "URL")) var base: String = ""
    @Flag(help: "Add `pause` to the loader's command line: it waits for a key before the boot manager and after an error (for troubleshooting).") var pause = false
    @Flag(help: "The script for a BIOS machine (loader.lkrn, initrd per file).") var bios = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the script here instead of standard output.", valueName: "FILE")) var output: String?

    /// The loader's command line as the script passes it.
    var arguments: String { pause ? loaderArgs + " pause" : loaderArgs }

    func run() throws {
        do throws(LoaderCommandLineRefusal) {
            // iPXE starts the loader with "loader.efi ARGS" (the kernel line below).
            let loader = bios ? IpxeScript.biosLoaderName : "loader.efi"
            _ = try LoaderCommandLine.parse(Array((loader + " " + arguments).utf16), imagePath: Array(loader.utf16))
        } catch {
            printError("--loader-args: the loader would stop: unknown command line option \"\(String(decoding: error.word, as: UTF16.self))\"")
            throw ExitCode(1)
        }
        let files = try served.resolve(store: store).all
        let problems = Staging.problems(with: files, mode: .network)
        if !problems.isEmpty {
            for p in problems { printError(p) }
            throw ExitCode(1)
        }
        let script = IpxeScript.make(arguments: arguments, names: files.map(\.name), base: base, platform: bios ? .bios : .uefi)
        if let output {
            try script.write(toFile: output, atomically: true, encoding: .utf8)
            print("\(output): kernel \(bios ? IpxeScript.biosLoaderName : "loader.efi") + \(files.count) file\(files.count == 1 ? "" : "s") (\(files.map(\.name).joined(separator: ", ")))")
        } else {
            print(script, terminator: "")
        }
    }
}
