import BCDCheck
import BCDKit

/// The attached-files pane (`f`): the files check and boot serve next to the store.
extension EditorState {
    mutating func showAttachedFiles() {
        var items = [Picker.Item("+ attach a file", detail: "NAME=PATH or a path", value: "+")]
        let injection = InjectionPlan(files: attachedFiles, index: servedFiles.checkOptions(secureBoot: false).imageIndex)
        items += attachedFiles.enumerated().map { index, file in
            Picker.Item(file.name, detail: file.path + (injection.marks[index].map { " · " + $0 } ?? ""), value: "file:\(index)")
        }
        items.append(Picker.Item("= the files next to the store", detail: "restore the default list", value: "default"))
        let bootManager = bootManagerPlan.summary
        items.append(Picker.Item("boot manager: " + (bootManagerPlan.candidates.first?.name ?? "none"), detail: bootManager,
                                 value: "bootmgr", style: bootManagerPlan.candidates.isEmpty ? .error : .message, explanation: [bootManager]))
        let title = "Attached files (\(attachedFiles.count)): used by g (diagnostics) and b (boot); Enter detaches"
        push(.picker(Picker(title: title, items: items, selectedValue: attachedFiles.isEmpty ? "+" : "file:0") { state, value in
            switch value {
            case "+": state.askAttachment()
            case "bootmgr":
                state.inform("boot manager: " + state.bootManagerPlan.summary)
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

    /// Which boot manager the loader will start with the attached files, and who signed it
    /// (BCDCheck's BootManagerPlan: the check's own rule, as `bcd check` says it).
    var bootManagerPlan: BootManagerPlan {
        BootManagerPlan(store: store, files: attachedFiles, options: servedFiles.checkOptions(firmware: checkFirmware, secureBoot: secureBoot != nil))
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
}
