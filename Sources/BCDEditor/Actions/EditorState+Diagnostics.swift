import BCDCheck
import BCDKit

/// The diagnostics pane (`g`): the summary line, the list, and jumping to what a diagnostic concerns.
extension EditorState {
    /// "2 errors, 1 warning" / "clean" (notes do not count against clean).
    public var diagnosticsSummary: String { Self.summary(of: diagnostics) }

    static func summary(of found: [Diagnostic]) -> String {
        let errors = found.filter { $0.severity == .error }.count
        let warnings = found.filter { $0.severity == .warning }.count
        let notes = found.count - errors - warnings
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if parts.isEmpty { parts.append("clean") }
        if notes > 0 { parts.append("\(notes) note\(notes == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    static func style(for severity: Severity) -> StyleRole {
        switch severity {
        case .error: return .error
        case .warning: return .heading
        case .note: return .dim
        }
    }

    mutating func showDiagnostics() {
        let found = diagnostics
        var items = found.enumerated().map { index, diagnostic in
            var detail = diagnostic.message
            if let fix = diagnostic.fix { detail += "  fix: " + fix }
            var place = ""
            if let object = diagnostic.object { place = objectAlias(object) }
            if let element = diagnostic.element { place += " " + elementName(element, in: diagnostic.object) }
            if let file = diagnostic.file { place += (place.isEmpty ? "" : " ") + file }
            let label = "\(diagnostic.severity.rawValue) \(diagnostic.rule)" + (place.isEmpty ? "" : "  " + place.trimmingSpaces())
            // The list line is cut at the dialog's edge; the highlighted one is shown whole below.
            let explanation = [diagnostic.message] + (diagnostic.fix.map { ["fix: " + $0] } ?? [])
            return Picker.Item(label, detail: detail, value: String(index), style: Self.style(for: diagnostic.severity),
                               explanation: explanation)
        }
        if !found.contains(where: { $0.severity >= .warning }) {
            items.insert(Picker.Item("no problems", detail: "this store checks clean with its \(attachedFiles.count) attached file\(attachedFiles.count == 1 ? "" : "s") (f lists them)",
                                     value: "", style: .message), at: 0)
        }
        push(.picker(Picker(title: "Diagnostics: \(diagnosticsSummary) (Enter jumps to the element)", items: items) { state, value in
            guard let index = Int(value), state.diagnostics.indices.contains(index) else { return nil }
            state.jump(to: state.diagnostics[index])
            return nil
        }))
    }

    /// Selects the object and element a diagnostic concerns.
    public mutating func jump(to diagnostic: Diagnostic) {
        guard let id = diagnostic.object else {
            if let file = diagnostic.file { return inform("\(file): \(diagnostic.message) (f lists the attached files)") }
            return inform(diagnostic.message)
        }
        guard store.contains(id) else { return fail("\(objectAlias(id)) is not in the store: \(diagnostic.message)") }
        select(id)
        fixSelection()
        guard let raw = diagnostic.element else {
            focus = .objects
            return inform("\(objectAlias(id)): \(diagnostic.message)")
        }
        focus = .elements
        if currentObject?.elements.contains(where: { $0.type.rawValue == raw }) == true {
            selectElement(ElementType(rawValue: raw))
            inform("\(elementName(raw, in: id)): \(diagnostic.message)")
        } else {
            inform("\(elementName(raw, in: id)) is missing: \(diagnostic.message) (a adds it)")
        }
    }

    private func objectAlias(_ id: BCDGUID) -> String { ObjectNames.alias(for: id) ?? id.braced }

    private func elementName(_ raw: UInt32, in object: BCDGUID?) -> String {
        let type = object.flatMap { store[$0]?.type } ?? ObjectType(rawValue: 0)
        return ElementNames.name(for: ElementType(rawValue: raw), in: type)
    }
}
