import BCDKit

/// Object references (default, resumeobject...): a picker over the store's objects.
extension EditorState {
    mutating func pickObject(_ edit: ElementEdit) {
        var selected: BCDGUID?
        if case .object(let id)? = edit.current { selected = id }
        push(.picker(objectPicker(title: edit.title, excluding: [], selected: selected) { state, value in
            guard let id = BCDGUID(value) else { return nil }
            state.setElement(edit.type, to: .object(id), in: edit.objectID)
            return nil
        }))
    }
}
