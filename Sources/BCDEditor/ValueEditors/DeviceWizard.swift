import BCDKit

/// The device editor: builds boot / partition / ramdisk / file / vhd / locate values field
/// by field (kind, parent device, path, options object picked from the store), then hands
/// the bcdedit text to the same device parser as `bcd set`.
extension EditorState {
    mutating func startDeviceWizard(_ type: ElementType, in objectID: BCDGUID, current: DeviceElement?) {
        let currentText = current.map { DeviceSyntax.format($0) { ObjectNames.alias(for: $0) ?? $0.braced } }
        let kinds = [
            Picker.Item("boot", detail: "the device the boot manager was loaded from", value: "boot"),
            Picker.Item("partition", detail: "gpt:PTUUID:PARTUUID or mbr:SIGNATURE:OFFSET", value: "partition"),
            Picker.Item("ramdisk", detail: "a WIM loaded into RAM (WinPE)", value: "ramdisk"),
            Picker.Item("file", detail: "a file on a device", value: "file"),
            Picker.Item("vhd", detail: "a virtual hard disk file", value: "vhd"),
            Picker.Item("locate", detail: "the partition holding the object's path", value: "locate"),
            Picker.Item("type it", detail: "bcdedit syntax, e.g. ramdisk=[boot]\\x.wim,{ramdiskoptions}", value: "text"),
        ]
        let title = "device: " + (currentText ?? "(new)")
        push(.picker(Picker(title: title, items: kinds) { state, kind in
            switch kind {
            case "boot", "locate":
                _ = state.finishDevice(type, in: objectID, text: kind)
            case "partition":
                state.push(.text(TextPrompt(title: "partition", hint: "gpt:PTUUID:PARTUUID or mbr:SIGNATURE:OFFSET (see blkid)") { state, text in
                    state.finishDevice(type, in: objectID, text: "partition=" + text)
                }))
            case "text":
                state.push(.text(TextPrompt(title: "device (bcdedit syntax)", initial: currentText ?? "") { state, text in
                    state.finishDevice(type, in: objectID, text: text)
                }))
            default:
                state.askParent(type, in: objectID, kind: kind)
            }
            return nil
        }))
    }

    private mutating func askParent(_ type: ElementType, in objectID: BCDGUID, kind: String) {
        let parents = [
            Picker.Item("boot", detail: "[boot]", value: "boot"),
            Picker.Item("locate", detail: "[locate]: find the partition holding the file", value: "locate"),
            Picker.Item("partition", detail: "[gpt:...] or [mbr:...]", value: "partition"),
        ]
        push(.picker(Picker(title: "\(kind): the device holding the file", items: parents) { state, parent in
            if parent == "partition" {
                state.push(.text(TextPrompt(title: "\(kind): parent partition", hint: "gpt:PTUUID:PARTUUID or mbr:SIGNATURE:OFFSET") { state, text in
                    state.askPath(type, in: objectID, kind: kind, parent: text)
                    return nil
                }))
            } else {
                state.askPath(type, in: objectID, kind: kind, parent: parent)
            }
            return nil
        }))
    }

    private mutating func askPath(_ type: ElementType, in objectID: BCDGUID, kind: String, parent: String) {
        let initial = kind == "ramdisk" ? "\\Boot\\boot.wim" : kind == "vhd" ? "\\windows.vhdx" : "\\"
        push(.text(TextPrompt(title: "\(kind)=[\(parent)]: path of the file", hint: "starts with \\", initial: initial) { state, path in
            guard path.hasPrefix("\\") else { return "the path must start with \\" }
            let base = "\(kind)=[\(parent)]\(path)"
            state.askOptions(type, in: objectID, base: base, ramdisk: kind == "ramdisk")
            return nil
        }))
    }

    private mutating func askOptions(_ type: ElementType, in objectID: BCDGUID, base: String, ramdisk: Bool) {
        var items = [Picker.Item("(no options object)", value: "")]
        let candidates = store.objects.filter { $0.type.kind == .device || ($0.type.kind == .inherit && $0.type.subclass == 3) }
            .sorted { a, _ in a.id == ObjectNames.ramdiskOptions }
        items += candidates.map { Picker.Item(ObjectListing.label($0), detail: ObjectListing.identifier($0), value: ObjectListing.identifier($0)) }
        let preferred = ramdisk && store.contains(ObjectNames.ramdiskOptions) ? "{ramdiskoptions}" : ""
        push(.picker(Picker(title: "\(base): options object", items: items, selectedValue: preferred) { state, option in
            return state.finishDevice(type, in: objectID, text: option.isEmpty ? base : base + "," + option)
        }))
    }

    /// Parses and sets the device; returns an error text (keeps the dialog) when it is not one.
    mutating func finishDevice(_ type: ElementType, in objectID: BCDGUID, text: String) -> String? {
        let store = self.store
        let device: DeviceElement
        do {
            device = try DeviceSyntax.parse(text) { (name: String) throws(EditError) -> BCDGUID in try ObjectNames.resolve(name, in: store) }
        } catch {
            return error.description
        }
        setElement(type, to: .device(device), in: objectID)
        return nil
    }
}
