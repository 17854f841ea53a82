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
            The script is `kernel loader.efi ARGS`, one `imgfetch --name NAME NAME` per file, then `boot`. \
            Put it, loader/build/loader.efi and the files (under their served names) on a TFTP or HTTP \
            server; --base prefixes every location (e.g. http://server/winpe/).
            """)

    @Argument(help: "The BCD store (served as BCD).") var store: String
    @OptionGroup var served: ServedFileOptions
    @Option(name: .customLong("loader-args"), help: ArgumentHelp("The loader's command line.", valueName: "ARGS")) var loaderArgs: String = ""
    @Option(help: ArgumentHelp("Prefix for every location in the script.", valueName: "URL")) var base: String = ""
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the script here instead of standard output.", valueName: "FILE")) var output: String?

    func run() throws {
        do throws(LoaderCommandLineRefusal) {
            // iPXE starts the loader with "loader.efi ARGS" (the kernel line below).
            _ = try LoaderCommandLine.parse(Array(("loader.efi " + loaderArgs).utf16))
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
        let script = IpxeScript.make(arguments: loaderArgs, names: files.map(\.name), base: base)
        if let output {
            try script.write(toFile: output, atomically: true, encoding: .utf8)
            print("\(output): kernel loader.efi + \(files.count) file\(files.count == 1 ? "" : "s") (\(files.map(\.name).joined(separator: ", ")))")
        } else {
            print(script, terminator: "")
        }
    }
}
