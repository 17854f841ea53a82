import BCDBoot
import BCDKit

/// The boot key (`b`, `B`).
extension EditorState {
    /// The boot key: validation first (the in-memory store with the attached files, as the
    /// diagnostics pane shows it). Errors stop the boot in a dialog that offers to force it.
    /// `onConsole`: the machine's serial console on this terminal while it runs.
    mutating func requestBoot(onConsole: Bool = false, mode: BootMode = .disk) {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return startBoot(force: false, onConsole: onConsole, mode: mode) }
        let count = "\(errors.count) error\(errors.count == 1 ? "" : "s")"
        var lines = ["Validation found \(count); the boot stops here (Enter cancels):"]
        lines += errors.prefix(4).map { "  \($0.rule): \($0.message)" }
        if errors.count > 4 { lines.append("  ... and \(errors.count - 4) more (g lists them)") }
        push(.confirm(Confirm(title: "Test boot stopped by validation", lines: lines, choices: [
            Confirm.Choice("c", "cancel") { state in state.fail("test boot not started: validation found \(count) (g lists them)") },
            Confirm.Choice("g", "show the diagnostics") { state in state.showDiagnostics() },
            Confirm.Choice("F", "force: boot anyway and see what the boot manager says") { state in state.startBoot(force: true, onConsole: onConsole, mode: mode) },
        ])))
    }

    mutating func startBoot(force: Bool, onConsole: Bool = false, mode: BootMode = .disk) {
        // BIOS boots the disk keys only (N is iPXE over HTTP on UEFI).
        let platform: FirmwarePlatform = mode == .http ? .uefi : bootFirmware
        let secureBoot = platform == .bios ? nil : secureBootChoice.profile(store: file.path, mode: mode)
        bootRequest = BootKeyRequest(force: force, onConsole: onConsole, mode: mode, secureBoot: secureBoot, platform: platform)
        // With keys in the workspace the line says whether this boot is a Secure Boot one.
        let keys = SecureBootChoice.workspaceHasKeys(store: file.path) ? "; " + SecureBootChoice.summary(secureBoot) : ""
        inform("test boot\(force ? " (forced)" : "")\(mode == .http ? " over HTTP" : "")\(platform == .bios ? " (BIOS)" : ""): \(PathText.fileName(file.path)) with \(attachedFiles.count) attached files" + (platform == .bios ? "" : keys))
    }
}

extension EditorState {
    /// `S`: the Secure Boot profile the disk boot keys use with the workspace's keys, in turn
    /// 2011, 2023, shim, off (SecureBootChoice.next).
    mutating func cycleSecureBoot() {
        secureBootChoice.profile = SecureBootChoice.next(after: secureBootChoice.profile)
        guard SecureBootChoice.workspaceHasKeys(store: file.path) else {
            let then = secureBootChoice.profile.map { "profile \($0.rawValue)" } ?? "off"
            return inform("secure boot: off (no keys/db.key and keys/db.crt beside the store; bcd loader keys DIR/keys makes them); with keys: \(then)")
        }
        inform(SecureBootChoice.summary(secureBoot) + " for b and B; diagnostics: \(diagnosticsSummary)")
    }

    /// `F`: the firmware `b` and `B` boot with, UEFI or BIOS (SeaBIOS, loader.lkrn from a
    /// SYSLINUX disk); the diagnostics switch to that firmware's rules.
    mutating func cycleFirmware() {
        bootFirmware = bootFirmware == .uefi ? .bios : .uefi
        let what = bootFirmware == .bios
            ? "BIOS (SeaBIOS, loader.lkrn from a SYSLINUX disk; bootmgr.exe, BCD unpatched; no Secure Boot)"
            : "UEFI (OVMF, loader.efi)" + (secureBoot.map { "; " + SecureBootChoice.summary($0) } ?? "")
        inform("firmware: \(what) for b and B; diagnostics: \(diagnosticsSummary)")
    }

    /// The boot's outcome on the message line, back in the editor; a Secure Boot one says so.
    mutating func showBootOutcome(_ outcome: BootOutcome, of request: BootKeyRequest) {
        let text = outcome.headline + (request.secureBoot == nil ? "" : " (" + SecureBootChoice.summary(request.secureBoot) + ")")
        if outcome.kind == .success { inform(text) } else { fail(text) }
    }
}

/// What the boot key asked the app to do once curses is suspended.
public struct BootKeyRequest: Sendable, Equatable {
    /// Boot even though validation found errors.
    public var force: Bool
    /// The machine's serial console on the terminal (`B`), rather than headless (`b`).
    public var onConsole = false
    /// How the guest gets the files: a FAT disk (`b`, `B`) or iPXE over HTTP (`N`).
    public var mode: BootMode = .disk
    /// Secure Boot with this profile, the loader signed by the workspace's keys; nil: off.
    public var secureBoot: SecureBootProfile?
    /// UEFI (OVMF) or BIOS (SeaBIOS), as `F` set it.
    public var platform: FirmwarePlatform = .uefi
}
