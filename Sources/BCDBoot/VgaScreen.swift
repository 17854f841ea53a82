import Foundation

/// A BIOS machine's screen: VGA text memory read over QMP (`pmemsave` of 0xB8000, 80x25 cells
/// of character + attribute byte = 4000 bytes; the BIOS's mode 3), as ConsoleScreen's VGA cells.
/// Neither SeaBIOS, iPXE's BIOS ROM, SYSLINUX nor the Windows Boot Manager write to COM1: what
/// they say is only on this screen.
enum VgaScreen {
    static let address = 0xB8000
    static let size = 4000

    /// The screen now, through a file in `directory`; nil when QEMU could not save it.
    static func capture(_ qmp: QMPClient, directory: String) -> ConsoleScreen? {
        let path = directory + "/vga.bin"
        try? FileManager.default.removeItem(atPath: path)
        guard (try? qmp.execute("pmemsave", ["val": address, "size": size, "filename": path], timeout: 5)) != nil,
              let data = FileManager.default.contents(atPath: path), data.count == size else { return nil }
        return ConsoleScreen(vgaText: [UInt8](data))
    }

    /// Whether the screen shows an end: a boot manager error screen with its footer, a failed
    /// fetch of the BIOS iPXE script, or SYSLINUX giving up (`Boot aborted`, `Boot failed`,
    /// SeaBIOS's `No bootable device`).
    static func isFinal(_ screen: ConsoleScreen) -> Bool {
        if let error = BootManagerErrorScreen(screen: screen), !error.keys.isEmpty { return true }
        return screen.lines.contains { line in
            line.contains(IpxeScript.failurePrefix) || line.contains("Boot aborted") || line.contains("No bootable device")
        }
    }

    /// The outcome the screen gives when the serial log gave none: the boot manager's error
    /// screen, a failed iPXE fetch, or the rows shown, so that the report says where it stopped.
    static func outcome(_ screen: ConsoleScreen, serial: BootOutcome, standIn: Bool) -> BootOutcome {
        if let error = BootManagerErrorScreen(screen: screen) {
            return SerialLog.bootManagerErrorOutcome(error, console: screen, standIn: standIn, progress: [])
        }
        let lines = screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }
        if let failed = lines.first(where: { $0.hasPrefix(IpxeScript.failurePrefix) }) {
            var o = BootOutcome(kind: .bootError, headline: "FAILED: iPXE could not fetch \(failed.dropFirst(IpxeScript.failurePrefix.count))")
            o.details = ["the boot script stopped at that file (the screen shows iPXE's imgstat): is it on the server under that name?"]
            o.screen = screen.lines
            return o
        }
        var o = serial
        if lines.contains(where: { $0.contains("Boot aborted") || $0.contains("No bootable device") }) {
            o.kind = .bootError
            o.headline = lines.contains(where: { $0.contains("Boot aborted") })
                ? "FAILED: SYSLINUX could not start the loader (see the screen)" : "FAILED: the BIOS found nothing to boot (see the screen)"
        }
        o.screen = screen.lines
        return o
    }
}
