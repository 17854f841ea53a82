import BCDCheck
import Foundation

/// How the guest gets the loader and the files.
public enum BootMode: String, Sendable, CaseIterable {
    /// A FAT drive: the loader as EFI/BOOT/BOOTX64.EFI, the files in the root directory.
    case disk
    /// QEMU's NIC and its iPXE ROM fetch a generated iPXE script and the files over TFTP.
    case network
    /// The same over HTTP, from a server bcd runs for the boot on 127.0.0.1 (an ephemeral
    /// port), which the guest reaches as 10.0.2.2 through QEMU's user-mode network.
    case http
}

/// Where the emulator's screen and console go.
public enum BootDisplay: String, Sendable, CaseIterable {
    /// The serial console on this terminal (Ctrl-A then X leaves).
    case terminal
    /// A graphical window (needs $DISPLAY or $WAYLAND_DISPLAY).
    case window
    /// A VNC server on 127.0.0.1.
    case vnc
    /// Headless.
    case none
}

/// Everything a test boot needs, as its caller already has it: the store read once (model and
/// bytes), the files, and, from the editor, the findings it shows (nothing is re-read or re-checked).
public struct BootRequest: Sendable {
    public var store: LoadedStore
    /// The files served; the store is served as BCD unless a file is named BCD (`ServedFiles.all`).
    public var files: ServedFiles
    /// What validation found, when the caller has checked already (the editor's diagnostics);
    /// nil: the boot checks `store` with `files` (`files.checkOptions()`).
    public var diagnostics: [Diagnostic]?
    public var mode: BootMode = .disk
    public var display: BootDisplay = .none
    /// Seconds from the emulator's start to an outcome.
    public var timeout: Double = 120
    public var screenshot: String?
    /// Guest memory, in MiB; nil: sized for the served files (GuestMemory.automatic).
    public var memory: Int?
    public var loaderArguments: String = ""
    /// UEFI (OVMF, loader.efi) or BIOS (SeaBIOS, loader.lkrn through iPXE's BIOS ROM or
    /// SYSLINUX; the BCD is served unpatched). BIOS takes --mode disk or network.
    public var platform: FirmwarePlatform = .uefi
    /// Boot despite validation errors.
    public var force = false
    /// Where loader.efi comes from: a source tree (built when stale) or the installed package.
    public var loader: LoaderSource
    /// Leave the machine running once the outcome is known (until it is closed or times out).
    public var keepRunning = false
    /// Keep the staging directory (disk image / TFTP tree) instead of deleting it.
    public var keepStaging = false
    /// Where the serial log is kept; nil: next to nothing, in the temporary directory's parent.
    public var serialLog: String?
    /// Boot with Secure Boot enforced (OVMF's Secure Boot build, the profile's Microsoft CAs in
    /// db) and the loader signed by the workspace's keys (`<store's folder>/keys/`), or by a
    /// test pair made for this boot when there are none; nil: without Secure Boot.
    public var secureBoot: SecureBootProfile?
    /// Tests: certificates (PEM) standing for a Microsoft CA (by year, "2011" or "2023"), added
    /// to db when the profile trusts that CA, so that stand-ins signed by test keys are accepted
    /// or refused as Microsoft-signed boot managers would be.
    public var testCAs: [(year: String, certificate: String)] = []
    /// Tests: with `--secure-boot=shim`, leave the loader's certificate out of MokList (shim
    /// must then refuse the loader).
    public var testLoaderNotInMokList = false

    public init(store: LoadedStore, files: ServedFiles, diagnostics: [Diagnostic]? = nil, loader: LoaderSource) {
        self.store = store
        self.files = files
        self.diagnostics = diagnostics
        self.loader = loader
    }
}

/// A failure before the boot started (exit status 1), with its reason.
public struct BootFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension BootRequest {
    /// The repository the loader is built from: $BCD_SOURCE_ROOT, else the first directory
    /// holding loader/Makefile above the running executable, else above the current directory.
    public static func findSourceRoot() -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["BCD_SOURCE_ROOT"], !env.isEmpty { return env }
        var starts: [URL] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                if fm.fileExists(atPath: dir.path + "/loader/Makefile") { return dir.path }
                if dir.path == "/" { break }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }
}
