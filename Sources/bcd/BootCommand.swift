import ArgumentParser
import BCDBoot
import BCDCheck
import Foundation

struct BootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boot",
        abstract: "Test-boot a store and its files in QEMU (OVMF) through the project's loader.",
        discussion: """
            Steps: validation (errors stop the boot unless --force), `make -C loader loader` when loader.efi is \
            missing or older than its sources, staging (a FAT disk image, a TFTP tree with a generated \
            iPXE script for --mode network, or for --mode http an HTTP server on 127.0.0.1 serving the same \
            names, whose requests the report lists), then qemu-system-x86_64 with OVMF (KVM when /dev/kvm works, \
            else software emulation). The store is served as BCD. The serial log is kept and the result \
            is explained. --display terminal puts the serial console on this terminal: Ctrl-A then X \
            stops the machine. Exit status: 0 booted (the boot manager reported and every file matched), \
            1 not started (validation errors, build or setup failure), 2 boot-time error (loader error, \
            boot manager error screen, damaged files), 3 timeout. More: docs/boot.md. \
            --firmware bios: SeaBIOS instead of OVMF and the BIOS loader (loader/build/loader.lkrn, \
            `make -C loader bios`), started by iPXE's BIOS ROM over TFTP (--mode network) or by SYSLINUX's \
            linux.c32 from a FAT disk (--mode disk); the BCD is served unpatched, and the screen is read from \
            VGA text memory when the serial log says nothing.
            """)

    @Argument(help: "The BCD store (served as BCD).") var store: String
    @OptionGroup var served: ServedFileOptions
    @Option(help: "disk: a FAT drive; network: TFTP + iPXE through the emulated NIC; http: iPXE over HTTP from a server bcd runs for the boot (each request is reported).") var mode: String = "disk"
    @Option(help: "uefi (OVMF) or bios (SeaBIOS; --mode disk or network).") var firmware: String = "uefi"
    @Option(help: "terminal, window, vnc (127.0.0.1) or none (headless).") var display: String = "none"
    @Option(help: "Seconds to wait for an outcome.") var timeout: Double = 120
    @Option(help: ArgumentHelp("Save a PNG of the screen at the end (QMP screendump).", valueName: "FILE.png")) var screenshot: String?
    @Option(help: "Guest memory in MiB (default: twice the served files plus 512 MiB for WinPE, at least 2048).") var memory: Int?
    @Option(name: .customLong("loader-args"), help: ArgumentHelp("The loader's command line, e.g. \"rawbcd index=2\" (disk mode: started from the UEFI shell, about 5 s longer).", valueName: "ARGS"))
    var loaderArgs: String = ""
    @Flag(help: "Boot even when validation finds errors.") var force = false
    @Option(name: .customLong("secure-boot"), help: ArgumentHelp("Secure Boot enforced: OVMF's Secure Boot build, Microsoft's CAs in db plus the loader's certificate; the loader is signed with the workspace's keys/ (bcd loader keys) or a pair made for the boot. 2011: the 2011 CAs, as older PCs ship (a 2023-signed bootmgfw_EX.efi is refused and the loader falls back to bootmgfw.efi); 2023: the 2011 and 2023 CAs, as new PCs ship; shim: the 2011 CAs, and Debian's Microsoft-signed shim (shim-signed) starts the loader, whose certificate is in MokList instead of db (disk mode). `--secure-boot` alone means 2011.", valueName: "2011|2023|shim"))
    var secureBoot: String?
    @Option(name: .customLong("test-ca"), help: ArgumentHelp("Tests: a certificate standing for Microsoft's YEAR (2011 or 2023) boot manager CA, added to db when the --secure-boot profile trusts that CA (repeatable).", valueName: "YEAR=CERT", visibility: .hidden))
    var testCA: [String] = []
    @Flag(name: .customLong("test-without-mok"), help: ArgumentHelp("Tests: with --secure-boot=shim, leave the loader's certificate out of MokList (shim refuses the loader).", visibility: .hidden))
    var testWithoutMok = false
    @Option(name: .customLong("serial-log"), help: ArgumentHelp("Keep the serial log here (default: a file in the temporary directory).", valueName: "FILE"))
    var serialLog: String?
    @Flag(name: .customLong("keep"), help: "Keep the staging directory (disk image or TFTP tree).") var keep = false
    @Flag(name: .customLong("keep-running"), help: "Leave the machine running once the outcome is known (for a look with --display window or vnc); close it to finish.") var keepRunning = false
    @Flag(name: .customLong("times"), help: "Print how long each step took.") var times = false
    @Flag(name: .customLong("json"), help: "Print the outcome as one JSON document on stdout (progress goes to stderr).") var json = false

    func validate() throws {
        guard BootMode(rawValue: mode) != nil else { throw ValidationError("--mode is disk, network or http, got '\(mode)'") }
        guard let platform = FirmwarePlatform(rawValue: firmware) else { throw ValidationError("--firmware is uefi or bios, got '\(firmware)'") }
        if platform == .bios && mode == "http" { throw ValidationError("--firmware bios boots --mode disk or network, not http") }
        if platform == .bios && secureBoot != nil { throw ValidationError("--secure-boot needs --firmware uefi (a BIOS machine has no Secure Boot)") }
        guard BootDisplay(rawValue: display) != nil else { throw ValidationError("--display is terminal, window, vnc or none, got '\(display)'") }
        if json && display == "terminal" { throw ValidationError("--json and --display terminal both want the terminal's output; use --display none, vnc or window") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        if let secureBoot, SecureBootProfile(rawValue: secureBoot) == nil {
            throw ValidationError("--secure-boot takes \(SecureBootProfile.choices), got '\(secureBoot)'")
        }
        if testWithoutMok && secureBoot != SecureBootProfile.shim.rawValue { throw ValidationError("--test-without-mok needs --secure-boot=shim") }
        for ca in testCA {
            guard let (year, _) = Self.testCA(ca), ["2011", "2023"].contains(year) else { throw ValidationError("--test-ca takes YEAR=CERT with YEAR 2011 or 2023, got '\(ca)'") }
            if secureBoot == nil { throw ValidationError("--test-ca needs --secure-boot") }
        }
        guard (memory ?? 128) >= 128 else { throw ValidationError("--memory is in MiB and must be at least 128") }
    }

    func run() throws {
        guard FileManager.default.isReadableFile(atPath: store) else {
            printError("\(store): no such store")
            throw ExitCode(1)
        }
        guard let loader = LoaderSource.find(platform: FirmwarePlatform(rawValue: firmware)!) else {
            printError(LoaderSource.notFoundMessage)
            throw ExitCode(1)
        }
        let files = try served.resolve(store: store)
        var request = BootRequest(store: LoadedStore(reading: store), files: files, loader: loader)
        request.mode = BootMode(rawValue: mode)!
        request.platform = FirmwarePlatform(rawValue: firmware)!
        request.display = BootDisplay(rawValue: display)!
        request.timeout = timeout
        request.screenshot = screenshot
        request.memory = memory
        request.loaderArguments = loaderArgs
        request.force = force
        request.secureBoot = secureBoot.flatMap(SecureBootProfile.init(rawValue:))
        request.testLoaderNotInMokList = testWithoutMok
        request.testCAs = testCA.compactMap(Self.testCA).map { (year: $0.year, certificate: $0.certificate) }
        request.serialLog = serialLog
        request.keepStaging = keep
        request.keepRunning = keepRunning
        let progress = json ? FileHandle.standardError : FileHandle.standardOutput
        var session = BootSession(request: request) { line in Self.emit(line + "\n", to: progress) }
        let outcome = session.run()
        if json {
            Self.emit(outcome.json(timings: session.timings))
        } else {
            Self.emit(outcome.text)
            if times { Self.emit(session.timings.text + "\n") }
        }
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }

    /// `YEAR=CERT` split at its first `=`.
    static func testCA(_ text: String) -> (year: String, certificate: String)? {
        guard let equals = text.firstIndex(of: "="), text.index(after: equals) < text.endIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// Unbuffered, so progress lines appear as they happen (and in order with QEMU's console).
    static func emit(_ text: String, to handle: FileHandle = .standardOutput) { handle.write(Data(text.utf8)) }
}
