import BCDKit

/// Text and JSON forms of a check's findings (for `bcd check`; the editor formats its own pane).
public enum CheckReport {
    /// "{bootmgr} default" / "{a4f8...} path" / "boot.wim": where a finding is.
    public static func location(of diagnostic: Diagnostic, in store: BCDStore) -> String {
        var parts: [String] = []
        if let id = diagnostic.object {
            parts.append(ObjectNames.alias(for: id) ?? id.braced)
            if let element = diagnostic.element {
                let type = store[id]?.type ?? ObjectType(rawValue: 0)
                parts.append(ElementNames.name(for: ElementType(rawValue: element), in: type))
            }
        }
        if let file = diagnostic.file, diagnostic.object == nil { parts.append(file) }
        return parts.joined(separator: " ")
    }

    /// Readable text, one finding per line with its fix indented below, then a summary.
    /// `color` adds ANSI colours to the severities.
    public static func text(_ diagnostics: [Diagnostic], store: BCDStore, color: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out = ""
        for d in diagnostics {
            let severity: String
            switch d.severity {
            case .error: severity = paint("error", "1;31")
            case .warning: severity = paint("warning", "1;33")
            case .note: severity = paint("note", "1;36")
            }
            let place = location(of: d, in: store)
            out += "\(severity) [\(d.rule)]\(place.isEmpty ? "" : " " + place): \(d.message)\n"
            if let fix = d.fix { out += "    fix: \(fix)\n" }
        }
        out += summary(diagnostics) + "\n"
        return out
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.filter { $0.severity == .note }.count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let verdict = errors > 0 ? "will not boot" : warnings > 0 ? "may not boot" : "clean"
        return "\(verdict): \(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note"))"
    }

    /// A JSON document: {"diagnostics": [...], "errors": N, "warnings": N, "notes": N, "status": 0|1|2}.
    public static func json(_ diagnostics: [Diagnostic], store: BCDStore) -> String {
        var items: [String] = []
        for d in diagnostics {
            var fields: [String] = ["\"rule\": \(quote(d.rule))", "\"severity\": \(quote(d.severity.rawValue))"]
            if let id = d.object {
                fields.append("\"object\": \(quote(id.braced))")
                if let alias = ObjectNames.alias(for: id) { fields.append("\"objectAlias\": \(quote(alias))") }
            }
            if let element = d.element {
                let type = d.object.flatMap { store[$0]?.type } ?? ObjectType(rawValue: 0)
                fields.append("\"element\": \(quote("0x" + hex8(element)))")
                fields.append("\"elementName\": \(quote(ElementNames.name(for: ElementType(rawValue: element), in: type)))")
            }
            if let file = d.file { fields.append("\"file\": \(quote(file))") }
            fields.append("\"message\": \(quote(d.message))")
            if let fix = d.fix { fields.append("\"fix\": \(quote(fix))") }
            items.append("    {" + fields.joined(separator: ", ") + "}")
        }
        let count = { (s: Severity) in diagnostics.filter { $0.severity == s }.count }
        return "{\n  \"diagnostics\": [\n" + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ],\n"
            + "  \"errors\": \(count(.error)), \"warnings\": \(count(.warning)), \"notes\": \(count(.note)),\n"
            + "  \"status\": \(exitStatus(for: diagnostics))\n}\n"
    }

    static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
