/// Everything the main screen can do; the key map binds keys to these.
public enum EditorAction: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last, switchPane, focusObjects, focusElements
    case edit, addElement, deleteElement
    case newObject, copyObject, deleteObject, setDefault, moveUpInOrder, moveDownInOrder
    case undo, redo, save, quit
    case toggleRaw, search, clearSearch, help, cycleTheme
    case diagnostics, attachedFiles, testBoot, testBootOnConsole, testBootOverHTTP, cycleSecureBoot, cycleFirmware
}
