import BCDKit

/// Enumerated integers (nx, bootmenupolicy...): a picker over the catalog's named values.
extension EditorState {
    mutating func pickChoice(_ edit: ElementEdit, from choices: [ElementChoice]) {
        var number: UInt64 = 0
        if case .integer(let value)? = edit.current { number = value }
        let items = choices.map { Picker.Item($0.name, detail: String($0.value), value: String($0.value)) }
        push(.picker(Picker(title: edit.title, items: items, selectedValue: String(number)) { state, value in
            guard let number = UInt64(value) else { return nil }
            state.setElement(edit.type, to: .integer(number), in: edit.objectID)
            return nil
        }))
    }
}
