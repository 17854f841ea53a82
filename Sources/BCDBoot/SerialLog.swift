import Foundation

/// Reads the serial log of a test boot (loader `LOADER ...` lines, `loader: error: ...`, the
/// stand-in's `STANDIN ...` report, a boot manager error screen redirected to the console).
public enum SerialLog {
    /// The log without carriage returns and terminal escape sequences.
    public static func clean(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.count)
        var it = raw.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\r" { continue }
            if c == "\u{1B}" {
                guard let next = it.next() else { break }
                if next == "[" {
                    while let d = it.next(), !(("A"..."Z").contains(d) || ("a"..."z").contains(d)) {}
                } else if "()=>".unicodeScalars.contains(next) {
                    // charset designation: ESC ( B and the like; one more character at most
                    if next == "(" || next == ")" { _ = it.next() }
                }
                continue
            }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// The loader's line when the boot manager's successor ends boot services (loader/src/handoff.c).
    public static let handoffLine = "LOADER exitbootservices"

    /// Whether the log already holds a final outcome (the machine can be stopped): the
    /// stand-in's end of report, a loader error, or a boot manager error screen drawn to its
    /// footer (the footer is drawn last).
    public static func isFinal(_ text: String) -> Bool {
        // (Line ends are "\r\n", one Character in Swift: clean() makes them "\n".)
        if text.contains("BdsDxe: failed to load Boot"),
           firmwareRefusal(clean(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }) != nil { return true }
        if text.contains(shimRefusalMark), shimRefusal(clean(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }) != nil { return true }
        if text.contains("loader: error:") || text.contains(IpxeScript.failurePrefix) { return true }
        if text.contains(handoffLine) && !text.contains("STANDIN start") { return true }
        if let screen = BootManagerErrorScreen.parse(text), !screen.keys.isEmpty { return true }
        return text.contains("STANDIN done") && !text.contains("STANDIN imitates")
    }

    /// OVMF's line when Secure Boot refuses a boot option's image, before the loader ran:
    /// `BdsDxe: failed to load Boot0001 "UEFI Misc Device" from PciRoot(...): Access Denied`
    /// (EFI_ACCESS_DENIED: not signed by a key in db; `Security Violation` when deferred).
    static func firmwareRefusal<Line: StringProtocol>(_ lines: [Line]) -> String? {
        guard !lines.contains(where: { $0.hasPrefix("LOADER start") }) else { return nil }
        return lines.first(where: { $0.contains("BdsDxe: failed to load Boot") && ($0.hasSuffix(": Access Denied") || $0.hasSuffix(": Security Violation")) })
            .map { String($0[$0.range(of: "BdsDxe:")!.lowerBound...]) }
    }

    /// How shim (16.x) says it refused its second stage, in an error box that waits for a key:
    /// `Verification failed: (0x1A) Security Violation` (signed by no key in db, its vendor
    /// certificate or MokList; or refused by SBAT).
    static let shimRefusalMark = "Verification failed: "

    /// shim's refusal line, when shim refused the loader before it ran.
    static func shimRefusal<Line: StringProtocol>(_ lines: [Line]) -> String? {
        guard !lines.contains(where: { $0.hasPrefix("LOADER start") }) else { return nil }
        // The box's next rows follow on the same line once the cursor moves are gone: the
        // message ends at the padding (two spaces) or the first box-drawing character.
        return lines.first(where: { $0.contains(shimRefusalMark) }).map { line in
            let message = line[line.range(of: shimRefusalMark)!.lowerBound...]
            let end = message.unicodeScalars.indices.first { index in
                let scalar = message.unicodeScalars[index]
                return !(scalar.value >= 0x20 && scalar.value < 0x7F)
                    || (scalar == " " && message.unicodeScalars[index...].dropFirst().first == " ")
            } ?? message.endIndex
            return String(message[..<end]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Classifies a finished (or stopped) boot.
    /// - Parameters:
    ///   - timedOut: the time limit was reached before an outcome.
    ///   - stoppedByUser: the emulator was closed from its console/window.
    ///   - handoffAfter: seconds from the emulator's start to the loader's hand-off line, when seen.
    public static func classify(_ raw: String, expected: [ExpectedFile], timedOut: Bool, stoppedByUser: Bool = false,
                                timeLimit: Double? = nil, handoffAfter: Double? = nil) -> BootOutcome {
        let text = clean(raw)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let files = fileReports(lines, expected: expected)
        let loaderLines = lines.filter { $0.hasPrefix("LOADER ") }
        var progress: [String] = []
        progress += bootManagerProgress(loaderLines)
        if let w = loaderLines.first(where: { $0.hasPrefix("LOADER wim ") }) {
            progress.append("loader: " + w.dropFirst("LOADER ".count))
        }
        if let bcd = loaderLines.first(where: { $0.hasPrefix("LOADER bcd ") }) {
            progress.append("loader: " + bcd.dropFirst("LOADER ".count))
        }
        if let sb = loaderLines.first(where: { $0.hasPrefix("LOADER secureboot ") && !$0.contains("refused") }) {
            progress.append("loader: secure boot " + sb.dropFirst("LOADER secureboot ".count))
        }
        if let refusal = firmwareRefusal(lines) {
            var o = BootOutcome(kind: .bootError, headline: "FAILED: the firmware refused the loader (Secure Boot: it is not signed by a key in db)")
            o.details = ["firmware: " + refusal, "sign it (bcd loader sign) with a key whose certificate is in db, or boot it through shim with the certificate in MokList"]
            return o
        }
        if let refusal = shimRefusal(lines) {
            var o = BootOutcome(kind: .bootError, headline: "FAILED: shim refused the loader (Secure Boot: its certificate is neither in MokList nor in db)")
            o.details = ["shim: " + refusal,
                         "enrol the loader's certificate in MokList: mokutil --import db.cer (DER: openssl x509 -in db.crt -outform der -out db.cer), then confirm in MokManager at the next boot"]
            return o
        }

        if let failed = lines.first(where: { $0.hasPrefix(IpxeScript.failurePrefix) }) {
            let name = failed.dropFirst(IpxeScript.failurePrefix.count)
            var o = BootOutcome(kind: .bootError, headline: "FAILED: iPXE could not fetch \(name)")
            o.details = ["the boot script stopped at that file (iPXE's imgstat lists what it had fetched): is it on the server under that name, and is the server reachable?"]
            return o
        }
        if let errorLine = lines.first(where: { $0.hasPrefix("loader: error:") }) {
            let message = errorLine.dropFirst("loader: error:".count).trimmingCharacters(in: .whitespaces)
            var o = BootOutcome(kind: .bootError, headline: "FAILED: the loader stopped: \(message)")
            o.loaderError = message
            o.details = loaderHints(message) + progress
            return o
        }
        let console = ConsoleScreen(stream: raw)
        if let screen = BootManagerErrorScreen(screen: console) {
            return bootManagerErrorOutcome(screen, console: console, standIn: text.contains("STAND-IN"), progress: progress)
        }
        let handedOff = lines.contains(handoffLine)
        let when = handoffAfter.map { " after \(format($0)) s" } ?? ""
        if handedOff && !lines.contains(where: { $0.hasPrefix("STANDIN ") }) {
            var o = BootOutcome(kind: .success, headline: "OK: Windows took over the machine (ExitBootServices)\(when)")
            o.details = ["the boot manager started the OS loader, which ended the firmware's boot services: from here on Windows runs the machine"] + progress
            return o
        }
        if lines.contains("STANDIN done") {
            var o = BootOutcome(kind: .success, headline: "")
            o.files = files
            let bad = files.filter { $0.matches == false }
            let missing = lines.filter { $0.hasPrefix("STANDIN missing ") }.map { String($0.dropFirst("STANDIN missing ".count)) }
            let missingSupplied = expected.filter { e in !files.contains { $0.name.lowercased() == e.name.lowercased() } && isProbed(e.name) }
            o.details.append("STAND-IN boot manager (a test program, not Microsoft's) started and read:")
            for f in files { o.details.append("  " + describe(f)) }
            if let cmd = lines.first(where: { $0.hasPrefix("STANDIN cmdline") }) {
                let c = cmd.dropFirst("STANDIN cmdline".count).trimmingCharacters(in: .whitespaces)
                if !c.isEmpty { o.details.append("boot manager command line: \(c)") }
            }
            if handedOff { o.details.append("boot services ended (ExitBootServices\(when)), as the OS loader would: the loader saw the hand-off") }
            o.details += progress
            // The stand-in's own failure (`STANDIN error WHY`, then `STANDIN done`): its reason
            // is the headline, not the files it therefore did not read.
            if let error = lines.first(where: { $0.hasPrefix("STANDIN error ") }) {
                o.kind = .bootError
                o.headline = "FAILED: the stand-in boot manager stopped: " + error.dropFirst("STANDIN error ".count)
                return o
            }
            if bad.isEmpty && missingSupplied.isEmpty {
                o.headline = "OK: booted; the boot manager read \(files.count) file\(files.count == 1 ? "" : "s"), all as the host has them"
            } else {
                o.kind = .bootError
                o.headline = "FAILED: the boot manager started but files arrived different from the host's"
                for f in bad { o.details.append("MISMATCH \(f.name): guest size=\(f.size) crc32=\(f.crc32), host size=\(f.expectedSize ?? 0) crc32=\(f.expectedCRC ?? "")") }
                for e in missingSupplied { o.details.append("MISSING \(e.name): supplied, but the boot manager did not find it (\(missing.filter { $0.lowercased().hasSuffix(e.name.lowercased()) }.joined(separator: ", ")))") }
            }
            return o
        }
        if timedOut {
            var o = BootOutcome(kind: .timeout, headline: "TIMEOUT: no outcome" + (timeLimit.map { " within \(format($0)) s" } ?? ""))
            o.details = reached(lines) + progress
            return o
        }
        var o = BootOutcome(kind: .bootError,
                            headline: stoppedByUser ? "STOPPED: the machine was closed before an outcome"
                                                     : "FAILED: the machine stopped without an outcome")
        o.details = reached(lines) + progress
        return o
    }

    /// A boot manager's error screen as the outcome, read off the serial console or VGA memory.
    static func bootManagerErrorOutcome(_ screen: BootManagerErrorScreen, console: ConsoleScreen, standIn: Bool, progress: [String]) -> BootOutcome {
        // The headline is the editor's message line: status and file, and whose screen it was.
        let who = standIn ? "the boot manager (STAND-IN imitation)" : "the Windows Boot Manager"
        let status = "0x" + CRC32.hex(screen.status) + (BootManagerStatus.lookup(screen.status).map { " " + $0.name } ?? "")
        var o = BootOutcome(kind: .bootError, headline: "FAILED: \(who) stopped with \(status)" + (screen.file.map { ", File \($0)" } ?? ""))
        o.bootManagerError = screen
        o.screen = console.lines
        o.details = screen.explanation + progress
        return o
    }

    /// Which boot manager the loader chose, and why (loader/src/bootmgr.c): each candidate
    /// Secure Boot refused (`LOADER bootmgr X refused by Secure Boot (...), trying Y`), then the
    /// one loaded (`LOADER bootmgr loaded Y (why)`), said started once the loader started it;
    /// from a loader without those lines, its first choice (`LOADER bootmgr X`).
    static func bootManagerProgress(_ loaderLines: [String]) -> [String] {
        let prefix = "LOADER bootmgr "
        let lines = loaderLines.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        var out = lines.filter { $0.contains(" refused by Secure Boot ") }.map { "loader: boot manager " + $0 }
        if let loaded = lines.first(where: { $0.hasPrefix("loaded ") }) {
            let rest = loaded.dropFirst("loaded ".count)
            let name = rest.split(separator: " ").first.map(String.init) ?? String(rest)
            let started = loaderLines.contains("LOADER starting boot manager " + name)
            out.append("loader: boot manager \(name) \(started ? "started" : "loaded, not started")" + rest.dropFirst(name.count))
        } else if let first = lines.first {
            out.insert("loader: boot manager " + first, at: 0)
        }
        return out
    }

    /// How far the boot got, from the last progress line.
    static func reached(_ lines: [String]) -> [String] {
        if lines.contains(where: { $0.hasPrefix("STANDIN ") }) { return ["reached: the stand-in boot manager (it did not finish its report)"] }
        if let last = lines.last(where: { $0.hasPrefix("LOADER ") }) {
            if last.hasPrefix("LOADER starting boot manager") {
                return ["reached: the loader started the boot manager, which has not reported (a real Windows Boot Manager shows its menu or starts WinPE on the screen: use --display window/vnc or --screenshot)"]
            }
            return ["reached: the loader (last progress: \(last))"]
        }
        if lines.contains(where: { $0.contains("iPXE") }) { return ["reached: iPXE (the loader did not start: is the TFTP script right?)"] }
        if lines.isEmpty { return ["reached: nothing on the serial console (the firmware did not start the loader)"] }
        return ["reached: the firmware; the loader did not start"]
    }

    static func loaderHints(_ message: String) -> [String] {
        let m = message.lowercased()
        if m.hasPrefix("no bcd") { return ["the loader found no BCD: serve the store as BCD (or in the WIM's \\Windows\\Boot\\DVD\\EFI\\BCD)"] }
        if m.contains("no boot manager") { return ["no boot manager: serve bootmgfw.efi, or a boot.wim holding \\Windows\\Boot\\EFI\\bootmgfw.efi or \\Windows\\Boot\\EFI_EX\\bootmgfw_EX.efi"] }
        if m.contains("wim") { return ["the WIM is at fault: check it with `bcd wim info` or `wiminfo --check`"] }
        if m.contains("command line") { return ["the loader's command line (--loader-args) has an option it does not know"] }
        return []
    }

    /// Paths the stand-in probes: BCD, boot.sdi, boot.wim.
    static func isProbed(_ name: String) -> Bool {
        ["bcd", "boot.sdi", "boot.wim"].contains(name.lowercased())
    }

    static func fileReports(_ lines: [String], expected: [ExpectedFile]) -> [FileReport] {
        var reports: [FileReport] = []
        for line in lines where line.hasPrefix("STANDIN file ") {
            // STANDIN file <path> size=<n> crc32=<hex>
            let body = line.dropFirst("STANDIN file ".count)
            guard let sizeRange = body.range(of: " size=", options: .backwards) else { continue }
            let path = String(body[..<sizeRange.lowerBound])
            let rest = body[sizeRange.upperBound...].split(separator: " ")
            guard let size = rest.first.flatMap({ UInt64($0) }),
                  let crc = rest.dropFirst().first.flatMap({ $0.hasPrefix("crc32=") ? String($0.dropFirst(6)) : nil }) else { continue }
            let name = String(path.split(separator: "\\").last ?? Substring(path))
            if let i = reports.firstIndex(where: { $0.name.lowercased() == name.lowercased() && $0.size == size && $0.crc32 == crc }) {
                reports[i].paths.append(path)
                continue
            }
            let e = expected.first { $0.name.lowercased() == name.lowercased() }
            reports.append(FileReport(name: name, paths: [path], size: size, crc32: crc, expectedSize: e?.size,
                                      expectedCRC: e?.crc32, note: e == nil ? "not supplied: taken from the WIM" : e?.note))
        }
        // STANDIN mirror <path> size=<n>: a large file's other path, not read again; it joins
        // the report of the file of that name and size read whole.
        for line in lines where line.hasPrefix("STANDIN mirror ") {
            let body = line.dropFirst("STANDIN mirror ".count)
            guard let sizeRange = body.range(of: " size=", options: .backwards),
                  let size = UInt64(body[sizeRange.upperBound...]) else { continue }
            let path = String(body[..<sizeRange.lowerBound])
            let name = String(path.split(separator: "\\").last ?? Substring(path))
            if let i = reports.firstIndex(where: { $0.name.lowercased() == name.lowercased() && $0.size == size }) {
                reports[i].paths.append(path)
            }
        }
        return reports
    }

    static func describe(_ f: FileReport) -> String {
        let whereRead = f.paths.count == 1 ? f.paths[0] : "\(f.paths[0]) (+\(f.paths.count - 1) more paths)"
        var s = "\(f.name): \(f.size) bytes, crc32 \(f.crc32), at \(whereRead)"
        switch f.matches {
        case true?: s += " = host" + (f.note.map { " (\($0))" } ?? "")
        case false?: s += " != host (size \(f.expectedSize ?? 0), crc32 \(f.expectedCRC ?? ""))"
        case nil: s += f.note.map { " (\($0))" } ?? ""
        }
        return s
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
