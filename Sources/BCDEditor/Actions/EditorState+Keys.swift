import BCDKit

/// Routes a key: help overlay, then the top dialog, then the filter line, then the key map.
extension EditorState {
    public mutating func handle(_ key: Key) {
        if key == .resize { return }
        if showHelp {
            scrollOrCloseHelp(key)
            return
        }
        if !dialogs.isEmpty {
            handleDialog(key)
            return
        }
        if filterField != nil {
            handleFilter(key)
            return
        }
        guard let action = KeyMap.action(for: key) else {
            if case .character(let c) = key { inform("'\(c)' does nothing here: press ? for the keys") }
            return
        }
        perform(action)
    }

    private mutating func handleFilter(_ key: Key) {
        guard var field = filterField else { return }
        switch key {
        case .enter:
            filterField = nil
            inform(filter.isEmpty ? "filter cleared" : "filter: \(filter) (Esc clears)")
        case .escape:
            filterField = nil
            filter = ""
        case .up, .down:
            filterField = nil
            handle(key)
            return
        default:
            field.handle(key)
            filterField = field
            filter = field.text
        }
        fixSelection()
    }

    /// Dialog keys come from the key map's dialog table (KeyMap.dialogBindings).
    private mutating func handleDialog(_ key: Key) {
        guard let dialog = dialogs.last else { return }
        switch dialog {
        case .text(var prompt):
            switch KeyMap.dialogAction(for: key, in: .text) ?? .editText {
            case .cancel: dialogs.removeLast()
            case .accept:
                dialogs.removeLast()
                let depth = dialogs.count
                if let error = prompt.onSubmit(&self, prompt.field.text) {
                    prompt.error = error
                    dialogs.insert(.text(prompt), at: min(depth, dialogs.count))
                }
            default:
                prompt.field.handle(key)
                prompt.error = nil
                topDialog = .text(prompt)
            }
        case .picker(var picker):
            let visible = picker.visibleItems
            switch KeyMap.dialogAction(for: key, in: .picker) ?? .editText {
            case .cancel: dialogs.removeLast()
            case .previous: picker.selected = max(0, picker.selected - 1); topDialog = .picker(picker)
            case .next: picker.selected = min(max(0, visible.count - 1), picker.selected + 1); topDialog = .picker(picker)
            case .pageBack: picker.selected = max(0, picker.selected - 10); topDialog = .picker(picker)
            case .pageForward: picker.selected = min(max(0, visible.count - 1), picker.selected + 10); topDialog = .picker(picker)
            case .accept:
                guard visible.indices.contains(picker.selected) else { return }
                dialogs.removeLast()
                let depth = dialogs.count
                if let error = picker.onPick(&self, visible[picker.selected].value) {
                    fail(error)
                    dialogs.insert(.picker(picker), at: min(depth, dialogs.count))
                }
            default:
                picker.filter.handle(key)
                picker.selected = 0
                topDialog = .picker(picker)
            }
        case .confirm(let confirm):
            var pressed: Character?
            switch KeyMap.dialogAction(for: key, in: .confirm) {
            case .cancel?:
                dialogs.removeLast()
                inform("cancelled")
                return
            case .accept?: pressed = confirm.choices.first?.key
            default: if case .character(let c) = key { pressed = c }
            }
            guard let pressed, let choice = confirm.choices.first(where: { $0.key == pressed }) else { return }
            dialogs.removeLast()
            choice.action(&self)
        case .list(var list):
            switch KeyMap.dialogAction(for: key, in: .list) {
            case .cancel?: dialogs.removeLast(); inform("list unchanged")
            case .previous?: list.selected = max(0, list.selected - 1); topDialog = .list(list)
            case .next?: list.selected = min(max(0, list.items.count - 1), list.selected + 1); topDialog = .list(list)
            case .moveEntryUp?: list.moveSelected(by: -1); topDialog = .list(list)
            case .moveEntryDown?: list.moveSelected(by: 1); topDialog = .list(list)
            case .removeEntry?: list.removeSelected(); topDialog = .list(list)
            case .addEntry?: push(.picker(objectPicker(title: "Add to \(list.title)", excluding: Set(list.items)) { state, value in
                    guard let id = BCDGUID(value), case .list(var editor)? = state.topDialog else { return nil }
                    editor.items.insert(id, at: min(editor.selected + 1, editor.items.count))
                    editor.selected = min(editor.selected + 1, editor.items.count - 1)
                    state.topDialog = .list(editor)
                    return nil
                }))
            case .accept?:
                dialogs.removeLast()
                if let error = list.onDone(&self, list.items) {
                    fail(error)
                    dialogs.append(.list(list))
                }
            default: break
            }
        }
    }

    /// ↑↓ PgUp PgDn (and k j) scroll the help overlay; any other key closes it.
    private mutating func scrollOrCloseHelp(_ key: Key) {
        let lastEntry = HelpView.page(for: Layout(rows: screenSize.rows, columns: screenSize.columns), scroll: 0).lastFirstEntry
        switch key {
        case .down, .character("j"): helpScroll = min(lastEntry, helpScroll + 1)
        case .up, .character("k"): helpScroll = max(0, helpScroll - 1)
        case .pageDown: helpScroll = min(lastEntry, helpScroll + 10)
        case .pageUp: helpScroll = max(0, helpScroll - 10)
        default:
            showHelp = false
            helpScroll = 0
        }
    }
}
