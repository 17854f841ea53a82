import BCDCheck
import BCDKit

/// The diagnostics pane (`g`), the attached-files pane (`f`) and the boot key (`b`).
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
            return Picker.Item("\(diagnostic.severity.rawValue) \(diagnostic.rule)" + (place.isEmpty ? "" : "  " + place.trimmingSpaces()),
                               detail: detail, value: String(index), style: Self.style(for: diagnostic.severity))
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

    mutating func showAttachedFiles() {
        var items = [Picker.Item("+ attach a file", detail: "NAME=PATH or a path", value: "+")]
        items += attachedFiles.enumerated().map { index, file in
            Picker.Item(file.name, detail: file.path, value: "file:\(index)")
        }
        items.append(Picker.Item("= the files next to the store", detail: "restore the default list", value: "default"))
        let title = "Attached files (\(attachedFiles.count)): used by g (diagnostics) and b (boot); Enter detaches"
        push(.picker(Picker(title: title, items: items, selectedValue: attachedFiles.isEmpty ? "+" : "file:0") { state, value in
            switch value {
            case "+": state.askAttachment()
            case "default":
                state.attachedFiles = Attachments.defaultFiles(store: state.file.path)
                state.inform("attached the \(state.attachedFiles.count) files next to the store; diagnostics: \(state.diagnosticsSummary)")
            default:
                guard let index = Int(value.dropFirst(5)), state.attachedFiles.indices.contains(index) else { return nil }
                let file = state.attachedFiles[index]
                state.push(.confirm(Confirm(title: "Detach \(file.name)", lines: ["Detach \(file.name) (\(file.path))? The file itself stays."], choices: [
                    Confirm.Choice("d", "detach it") { state in state.detach(named: file.name) },
                    Confirm.Choice("c", "cancel") { state in state.inform("still attached: \(file.name)") },
                ])))
            }
            return nil
        }))
    }

    mutating func askAttachment() {
        push(.text(TextPrompt(title: "Attach a file", hint: "NAME=PATH (served as NAME, e.g. boot.wim=/srv/pe/x.wim) or a path") { state, text in
            switch Attachments.parse(text) {
            case .failure(let failure): return failure.text
            case .success(let file):
                state.attach(file)
                return nil
            }
        }))
    }

    /// Attaches a file; one of the same name (case-insensitive, as the loader sees names) is replaced.
    public mutating func attach(_ file: ServedFile) {
        let replaced = attachedFiles.contains { $0.name.lowercased() == file.name.lowercased() }
        attachedFiles.removeAll { $0.name.lowercased() == file.name.lowercased() }
        attachedFiles.append(file)
        inform("\(replaced ? "replaced" : "attached") \(file.name) = \(file.path); diagnostics: \(diagnosticsSummary)")
    }

    public mutating func detach(named name: String) {
        attachedFiles.removeAll { $0.name == name }
        inform("detached \(name); diagnostics: \(diagnosticsSummary)")
    }

    /// The boot key: validation first (the in-memory store with the attached files, as the
    /// diagnostics pane shows it). Errors stop the boot in a dialog that offers to force it.
    /// `onConsole`: the machine's serial console on this terminal while it runs.
    mutating func requestBoot(onConsole: Bool = false) {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return startBoot(force: false, onConsole: onConsole) }
        let count = "\(errors.count) error\(errors.count == 1 ? "" : "s")"
        var lines = ["Validation found \(count); the boot stops here (Enter cancels):"]
        lines += errors.prefix(4).map { "  \($0.rule): \($0.message)" }
        if errors.count > 4 { lines.append("  ... and \(errors.count - 4) more (g lists them)") }
        push(.confirm(Confirm(title: "Test boot stopped by validation", lines: lines, choices: [
            Confirm.Choice("c", "cancel") { state in state.fail("test boot not started: validation found \(count) (g lists them)") },
            Confirm.Choice("g", "show the diagnostics") { state in state.showDiagnostics() },
            Confirm.Choice("F", "force: boot anyway and see what the boot manager says") { state in state.startBoot(force: true, onConsole: onConsole) },
        ])))
    }

    mutating func startBoot(force: Bool, onConsole: Bool = false) {
        bootRequest = BootKeyRequest(force: force, onConsole: onConsole)
        inform("test boot\(force ? " (forced)" : ""): \(PathText.fileName(file.path)) with \(attachedFiles.count) attached files")
    }
}

/// What the boot key asked the app to do once curses is suspended.
public struct BootKeyRequest: Sendable, Equatable {
    /// Boot even though validation found errors.
    public var force: Bool
    /// The machine's serial console on the terminal (`B`), rather than headless (`b`).
    public var onConsole = false
}
