import BCDKit

/// Strings: one line of text.
extension EditorState {
    mutating func editText(_ edit: ElementEdit) {
        var initial = ""
        if case .string(let text)? = edit.current { initial = text }
        push(.text(TextPrompt(title: edit.title, hint: "text", initial: initial) { state, text in
            state.setElement(edit.type, to: .string(text), in: edit.objectID)
            return nil
        }))
    }
}
