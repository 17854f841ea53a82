import Foundation

/// The Windows Boot Manager's error screen, read off the console screen (a serial log run
/// through `ConsoleScreen`, or VGA text memory): the File, Status and Info fields and the
/// footer's keys.
///
/// Layout rules (the real screen, UEFI and BIOS alike, every status): each field is a row
/// `<indent><Label>: <value>`; a value that does not fit continues on the rows below, starting
/// at the value's column, until a blank row. The status value is `0x` and eight hex digits,
/// which is what finds the Status row whatever the wording. The footer is a row of
/// `KEY=Action` pairs separated by runs of spaces (`ENTER=OS Selection   ESC=UEFI Firmware
/// Settings`); it is never part of a field.
public struct BootManagerErrorScreen: Sendable, Equatable {
    public var file: String?
    public var status: UInt32
    public var info: String?
    /// The footer's `KEY=Action` pairs, as shown.
    public var keys: [String]

    public init(file: String?, status: UInt32, info: String?, keys: [String] = []) {
        self.file = file
        self.status = status
        self.info = info
        self.keys = keys
    }

    /// Reads the screen after the serial log `text`.
    public static func parse(_ text: String) -> BootManagerErrorScreen? {
        BootManagerErrorScreen(screen: ConsoleScreen(stream: text))
    }

    public init?(screen: ConsoleScreen) {
        let rows = screen.lines
        var keys: [String] = []
        var isFooter = [Bool](repeating: false, count: rows.count)
        for (i, row) in rows.enumerated() {
            if let k = Self.footerKeys(row) { keys += k; isFooter[i] = true }
        }
        let fields: [(row: Int, field: Field)] = rows.indices.compactMap { r in
            isFooter[r] ? nil : Self.field(rows[r]).map { (row: r, field: $0) }
        }
        guard let statusIndex = fields.firstIndex(where: { Self.statusCode($0.field.value) != nil }),
              let status = Self.statusCode(fields[statusIndex].field.value) else { return nil }

        func value(of entry: (row: Int, field: Field), separator: String) -> String? {
            var parts: [String] = []
            var column = entry.field.column
            if !entry.field.value.isEmpty { parts.append(entry.field.value) }
            var r = entry.row + 1
            while r < rows.count, !isFooter[r] {
                let row = rows[r]
                let indent = row.prefix { $0 == " " }.count
                if row.isEmpty || Self.field(row)?.label.isEmpty == false { break }
                if parts.isEmpty { column = indent }   // the value starts on the row below its label
                guard indent == column else { break }
                parts.append(row.trimmingCharacters(in: .whitespaces))
                r += 1
            }
            return parts.isEmpty ? nil : parts.joined(separator: separator)
        }

        // File: the field above Status whose label is File or whose value is a path.
        let fileEntry = fields[..<statusIndex].last {
            $0.field.label.lowercased() == "file" || $0.field.value.hasPrefix("\\")
        }
        // Info: the field below Status (label Info, else the next field).
        let below = fields[(statusIndex + 1)...]
        let infoEntry = below.first { $0.field.label.lowercased() == "info" } ?? below.first
        self.init(file: fileEntry.flatMap { value(of: $0, separator: "") }, status: status,
                  info: infoEntry.flatMap { value(of: $0, separator: " ") }, keys: keys)
    }

    struct Field {
        var label: String
        var value: String
        /// Where the value starts (or would start) on its row.
        var column: Int
    }

    /// `<indent><Label>: <value>`, the label one to three words of letters.
    static func field(_ row: String) -> Field? {
        let chars = Array(row)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        let labelStart = i
        while i < chars.count, chars[i].isLetter || (chars[i] == " " && i + 1 < chars.count && chars[i + 1].isLetter) { i += 1 }
        guard i > labelStart, i - labelStart <= 24, i < chars.count, chars[i] == ":" else { return nil }
        let label = String(chars[labelStart..<i])
        guard label.split(separator: " ").count <= 3 else { return nil }
        i += 1
        while i < chars.count, chars[i] == " " { i += 1 }
        let value = String(chars[i...]).trimmingCharacters(in: .whitespaces)
        return Field(label: label, value: value, column: i)
    }

    /// `0x` and eight hex digits (an NTSTATUS), alone in the value.
    static func statusCode(_ value: String) -> UInt32? {
        let v = value.lowercased()
        guard v.hasPrefix("0x") else { return nil }
        let digits = v.dropFirst(2)
        guard digits.count == 8, digits.allSatisfy(\.isHexDigit) else { return nil }
        return UInt32(digits, radix: 16)
    }

    /// A footer row: only `KEY=Action` pairs separated by two or more spaces.
    static func footerKeys(_ row: String) -> [String]? {
        let pairs = row.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !pairs.isEmpty else { return nil }
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex, pair.index(after: eq) != pair.endIndex,
                  pair[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" }),
                  pair[..<eq].first?.isUppercase == true || pair[..<eq].first?.isNumber == true else { return nil }
        }
        return pairs
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
        // Out of memory is the guest's size, whatever file was being read.
        guard let file, known.code != 0xC000_0017 else { return known.suspect }
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

