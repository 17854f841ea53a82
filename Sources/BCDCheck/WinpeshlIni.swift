import BootCore

/// What WinPE's shell launcher (winpeshl.exe) reads from `\Windows\System32\winpeshl.ini`:
/// `[LaunchApp]` with `AppPath = PATH`, and `[LaunchApps]`, one `PATH[, ARGS]` per line. With
/// any of them WinPE runs those programs instead of its default shell, `cmd /k startnet.cmd`.
/// The file may be UTF-16LE (with a BOM) or 8-bit text; `;` starts a comment line.
struct WinpeshlIni {
    /// The programs it launches, in order (paths as written, arguments dropped).
    let apps: [String]
    /// The same entries with their arguments (`cmd.exe, /k startnet.cmd`).
    let commands: [String]

    init(bytes: [UInt8]) {
        let text: String
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            text = BcdText.strings(Array(bytes.dropFirst(2))).joined(separator: "\n")
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        var section = "", apps: [String] = [], commands: [String] = []
        for raw in text.split(whereSeparator: { $0.isNewline }) {   // "\r\n" is one Character
            let line = raw.trimmingASCIISpaces()
            if line.isEmpty || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") { section = String(line.dropFirst().dropLast()).lowercased(); continue }
            switch section {
            case "launchapp":
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingASCIISpaces().lowercased() == "apppath" {
                    apps.append(parts[1].trimmingASCIISpaces())
                    commands.append(parts[1].trimmingASCIISpaces())
                }
            case "launchapps":
                apps.append(line.split(separator: ",", maxSplits: 1).first.map { $0.trimmingASCIISpaces() } ?? line)
                commands.append(line)
            default:
                continue
            }
        }
        self.apps = apps
        self.commands = commands
    }

    /// Whether a launch entry, program or arguments, names `file` (startnet.cmd run by a shell).
    func launches(_ file: String) -> Bool {
        commands.contains { $0.lowercased().contains(file.lowercased()) }
    }
}

private extension StringProtocol {
    func trimmingASCIISpaces() -> String {
        let scalars = unicodeScalars.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        return String(String.UnicodeScalarView(scalars))
    }
}
