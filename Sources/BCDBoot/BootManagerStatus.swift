import Foundation

/// Plain-language meanings of the NTSTATUS codes the Windows Boot Manager shows on its error
/// screen ("File: ... Status: 0xc000000f Info: ..."), and where in the setup to look.
public struct BootManagerStatus: Sendable, Equatable {
    public let code: UInt32
    public let name: String
    public let meaning: String
    /// Where the fault most likely is, in BCD element and file terms.
    public let suspect: String

    public static let known: [BootManagerStatus] = [
        BootManagerStatus(code: 0xC000_000F, name: "STATUS_NO_SUCH_FILE",
                          meaning: "a file the boot manager needs was not found",
                          suspect: "the file named on the screen: the BCD store itself (served as BCD), or a path in the entry (path, ramdisksdipath) that does not exist where device/osdevice point"),
        BootManagerStatus(code: 0xC000_000E, name: "STATUS_NO_SUCH_DEVICE",
                          meaning: "a required device is not accessible",
                          suspect: "the entry's device/osdevice elements (for a ramdisk: ramdisk=[boot]\\...wim,{ramdiskoptions}) and the {ramdiskoptions} object's ramdisksdidevice/ramdisksdipath"),
        BootManagerStatus(code: 0xC000_007B, name: "STATUS_INVALID_IMAGE_FORMAT",
                          meaning: "a program (boot application or driver) is not valid for this machine",
                          suspect: "the OS loader named by the entry's path element (winload.efi for UEFI, not winload.exe), or a WIM built for another architecture"),
        BootManagerStatus(code: 0xC000_0225, name: "STATUS_NOT_FOUND",
                          meaning: "the boot configuration is missing or has no usable entry",
                          suspect: "the BCD store (served as BCD): {bootmgr} default/displayorder, or an entry whose device/osdevice cannot be resolved"),
        BootManagerStatus(code: 0xC000_0098, name: "STATUS_FILE_INVALID",
                          meaning: "a required file is damaged or truncated",
                          suspect: "the file named on the screen, often boot.wim or boot.sdi (ramdisksdipath): compare sizes and checksums with the originals"),
        BootManagerStatus(code: 0xC000_0428, name: "STATUS_INVALID_IMAGE_HASH",
                          meaning: "a file's digital signature could not be verified",
                          suspect: "the file named on the screen is unsigned or modified while Secure Boot or integrity checks are on (nointegritychecks/testsigning elements, or a signed boot manager)"),
    ]

    public static func lookup(_ code: UInt32) -> BootManagerStatus? { known.first { $0.code == code } }
}

/// The Windows Boot Manager's error screen, as text (from the serial console with EMS
/// redirection, or any text capture of the screen).
public struct BootManagerErrorScreen: Sendable, Equatable {
    public var file: String?
    public var status: UInt32
    public var info: String?

    /// Finds "Status: 0x..." (with "File:" and "Info:" when present) in `text`.
    public static func parse(_ text: String) -> BootManagerErrorScreen? {
        var file: String?
        var status: UInt32?
        var info: String?
        var infoFollows = false
        // isNewline, not == "\n": a raw serial log's "\r\n" is one Character, equal to neither.
        for raw in text.split(whereSeparator: { $0.isNewline }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if infoFollows, info == nil, !line.isEmpty, status != nil {
                info = line
                infoFollows = false
                continue
            }
            if let v = value(after: "File:", in: line) { file = v }
            if let v = value(after: "Status:", in: line) {
                var hex = Substring(v)
                if hex.lowercased().hasPrefix("0x") { hex = hex.dropFirst(2) }
                if let code = UInt32(hex.prefix { $0.isHexDigit }, radix: 16) { status = code }
            }
            if let v = value(after: "Info:", in: line) {
                if v.isEmpty { infoFollows = true } else { info = v }
            }
        }
        guard let status else { return nil }
        return BootManagerErrorScreen(file: file, status: status, info: info)
    }

    private static func value(after label: String, in line: String) -> String? {
        guard let range = line.range(of: label, options: .caseInsensitive) else { return nil }
        return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
    }

    /// Lines in plain language: what the screen said, what it means and where to look.
    public var explanation: [String] {
        let hex = "0x" + CRC32.hex(status)
        var lines = ["Windows Boot Manager error: Status \(hex)" + (file.map { ", File \($0)" } ?? "") + (info.map { ", Info: \($0)" } ?? "")]
        if let known = BootManagerStatus.lookup(status) {
            lines.append("  \(hex) (\(known.name)): \(known.meaning).")
            lines.append("  Most likely at fault: " + suspect(known))
        } else {
            lines.append("  \(hex): not one of the common boot statuses; look it up as an NTSTATUS code.")
        }
        return lines
    }

    /// The generic suspect, narrowed by the file the screen names.
    func suspect(_ known: BootManagerStatus) -> String {
        guard let file else { return known.suspect }
        let lower = file.lowercased()
        if lower.hasSuffix("\\bcd") || lower == "bcd" {
            return "the BCD store (\(file)): served as BCD; check it with `bcd check`."
        }
        if lower.hasSuffix(".sdi") {
            return "boot.sdi (\(file)): the {ramdiskoptions} object's ramdisksdidevice/ramdisksdipath, and the served boot.sdi."
        }
        if lower.hasSuffix(".wim") {
            return "the WIM (\(file)): the entry's device/osdevice (ramdisk=[boot]\\...wim,{ramdiskoptions}) and the served boot.wim."
        }
        if lower.contains("winload") {
            return "the OS loader (\(file)): the entry's path element and systemroot, inside the WIM the entry's osdevice names."
        }
        return "\(file): " + known.suspect
    }
}

