import BCDKit

/// Object lists (displayorder, toolsdisplayorder, bootsequence, inherit...): the list editor.
/// Emptying a list deletes the element, except the two display orders, which may be empty.
extension EditorState {
    mutating func editObjectList(_ edit: ElementEdit) {
        var items: [BCDGUID] = []
        if case .objectList(let ids)? = edit.current { items = ids }
        push(.list(ListEditor(title: edit.title, items: items) { state, ids in
            if ids.isEmpty && edit.type.rawValue != ElementIDs.displayOrder && edit.type.rawValue != ElementIDs.toolsDisplayOrder {
                return state.deleteElement(edit.type, in: edit.objectID) ? nil : "could not empty the list"
            }
            state.setElement(edit.type, to: .objectList(ids), in: edit.objectID)
            return nil
        }))
    }
}
