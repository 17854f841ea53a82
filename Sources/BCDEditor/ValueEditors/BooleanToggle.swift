import BCDKit

/// Booleans: no dialog, Enter flips the value (a missing element becomes yes).
extension EditorState {
    mutating func toggleBoolean(_ edit: ElementEdit) {
        var flag = false
        if case .boolean(let value)? = edit.current { flag = value }
        setElement(edit.type, to: .boolean(!flag), in: edit.objectID)
    }
}
