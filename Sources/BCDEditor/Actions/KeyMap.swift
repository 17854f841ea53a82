/// The one table of main-screen keys. Dispatch and the help overlay both read it, so the
/// help can never disagree with what the keys do.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: EditorAction
    public let help: String
    /// Shown in the status line's short hint list.
    public let hint: String?
}

public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, help: "Move up", hint: nil),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, help: "Move down", hint: nil),
        KeyBinding(keys: [.pageUp], action: .pageUp, help: "Page up", hint: nil),
        KeyBinding(keys: [.pageDown], action: .pageDown, help: "Page down", hint: nil),
        KeyBinding(keys: [.home], action: .first, help: "First item", hint: nil),
        KeyBinding(keys: [.end], action: .last, help: "Last item", hint: nil),
        KeyBinding(keys: [.tab, .backTab], action: .switchPane, help: "Switch between objects and elements", hint: "Tab pane"),
        KeyBinding(keys: [.left, .character("h")], action: .focusObjects, help: "Go to the object list", hint: nil),
        KeyBinding(keys: [.right, .character("l")], action: .focusElements, help: "Go to the elements", hint: nil),
        KeyBinding(keys: [.enter, .character("e")], action: .edit, help: "Edit the element; booleans toggle", hint: "Enter edit"),
        KeyBinding(keys: [.character("a")], action: .addElement, help: "Add element (valid ones; searchable)", hint: "a add"),
        KeyBinding(keys: [.character("x"), .delete], action: .deleteElement, help: "Delete element / object (object list)", hint: "x del"),
        KeyBinding(keys: [.character("n")], action: .newObject, help: "New object from a template (WinPE...)", hint: "n new"),
        KeyBinding(keys: [.character("c")], action: .copyObject, help: "Copy the object under a new id", hint: nil),
        KeyBinding(keys: [.character("D")], action: .deleteObject, help: "Delete object (warns of references)", hint: nil),
        KeyBinding(keys: [.character("d")], action: .setDefault, help: "Set the object as {bootmgr}'s default", hint: nil),
        KeyBinding(keys: [.character("[")], action: .moveUpInOrder, help: "Move entry up in the display order", hint: nil),
        KeyBinding(keys: [.character("]")], action: .moveDownInOrder, help: "Move entry down in the display order", hint: nil),
        KeyBinding(keys: [.character("u"), .control("z")], action: .undo, help: "Undo", hint: "u undo"),
        KeyBinding(keys: [.character("r"), .control("y")], action: .redo, help: "Redo", hint: "r redo"),
        KeyBinding(keys: [.character("s"), .control("s")], action: .save, help: "Save (backup kept as FILE.bak)", hint: "s save"),
        KeyBinding(keys: [.character("q"), .control("q")], action: .quit, help: "Quit (asks if there are unsaved edits)", hint: "q quit"),
        KeyBinding(keys: [.character("v")], action: .toggleRaw, help: "Raw view: hex ids, value types, bytes", hint: nil),
        KeyBinding(keys: [.character("/")], action: .search, help: "Search/filter objects", hint: "/ find"),
        KeyBinding(keys: [.escape], action: .clearSearch, help: "Clear the filter", hint: nil),
        KeyBinding(keys: [.character("?"), .function(1)], action: .help, help: "This help", hint: "? help"),
        KeyBinding(keys: [.character("t")], action: .cycleTheme, help: "Next colour theme", hint: nil),
        KeyBinding(keys: [.character("g")], action: .diagnostics, help: "Diagnostics of store + files", hint: "g check"),
        KeyBinding(keys: [.character("f")], action: .attachedFiles, help: "Attached files (check and boot)", hint: nil),
        KeyBinding(keys: [.character("b")], action: .testBoot, help: "Test boot in QEMU (validation first)", hint: "b boot"),
        KeyBinding(keys: [.character("B")], action: .testBootOnConsole, help: "Test boot on this terminal (Ctrl-A X)", hint: nil),
        KeyBinding(keys: [.character("N")], action: .testBootOverHTTP, help: "Test boot over HTTP (iPXE)", hint: nil),
        KeyBinding(keys: [.character("S")], action: .cycleSecureBoot, help: "Secure Boot profile of b/B (with keys/)", hint: nil),
        KeyBinding(keys: [.character("F")], action: .cycleFirmware, help: "Firmware of b/B: UEFI or BIOS (SeaBIOS)", hint: nil),
    ]

    private static let byKey: [Key: EditorAction] = {
        var table: [Key: EditorAction] = [:]
        for binding in bindings { for key in binding.keys where table[key] == nil { table[key] = binding.action } }
        return table
    }()

    public static func action(for key: Key) -> EditorAction? { byKey[key] }

    /// The status line's hints, whole ones only, as many as fit in `width` columns; editing, the
    /// check and the boot key come first so narrow terminals keep them.
    public static func hints(fitting width: Int) -> String {
        let early: [EditorAction] = [.switchPane, .edit, .diagnostics, .testBoot, .help]
        let first = early.compactMap { action in bindings.first { $0.action == action }?.hint }
        let rest = bindings.filter { !early.contains($0.action) }.compactMap(\.hint)
        var out = ""
        for hint in first + rest {
            let next = out.isEmpty ? hint : out + "  " + hint
            guard TextWidth.of(next) <= width else { break }
            out = next
        }
        return out
    }
}
