/// The kinds of dialog (Dialog's cases), for the dialog key table.
public enum DialogKind: Sendable, CaseIterable {
    case text, picker, confirm, list
}

/// What a key does inside a dialog.
public enum DialogAction: Sendable, Equatable {
    case accept, cancel
    case previous, next, pageBack, pageForward
    /// List editor: move, add, remove an entry.
    case moveEntryUp, moveEntryDown, addEntry, removeEntry
    /// The key goes to the text field (a prompt's text, a picker's filter).
    case editText
}

/// One row of the dialog key table: keys, what they do, in which dialogs, and the help text.
public struct DialogKeyBinding: Sendable {
    public let keys: [Key]
    /// How the help overlay spells the keys.
    public let label: String
    public let action: DialogAction
    public let dialogs: [DialogKind]
    public let help: String

    init(_ keys: [Key], label: String? = nil, _ action: DialogAction, in dialogs: [DialogKind], _ help: String) {
        self.keys = keys
        self.label = label ?? keys.map(\.label).joined(separator: " ")
        self.action = action
        self.dialogs = dialogs
        self.help = help
    }
}

/// The one table of dialog keys: the dialog handler dispatches through it and the help
/// overlay lists it. A confirmation's own answer keys are shown in the dialog itself.
extension KeyMap {
    public static let dialogBindings: [DialogKeyBinding] = [
        DialogKeyBinding([.enter], .accept, in: DialogKind.allCases, "Accept / choose the highlighted item"),
        DialogKeyBinding([.escape], .cancel, in: DialogKind.allCases, "Cancel the dialog"),
        DialogKeyBinding([.up], .previous, in: [.picker, .list], "Highlight the previous item"),
        DialogKeyBinding([.down], .next, in: [.picker, .list], "Highlight the next item"),
        DialogKeyBinding([.pageUp], .pageBack, in: [.picker], "Picker: ten items up"),
        DialogKeyBinding([.pageDown], .pageForward, in: [.picker], "Picker: ten items down"),
        DialogKeyBinding([.character("k")], .previous, in: [.list], "List editor: previous entry"),
        DialogKeyBinding([.character("j")], .next, in: [.list], "List editor: next entry"),
        DialogKeyBinding([.character("["), .character("K")], .moveEntryUp, in: [.list], "List editor: move the entry up"),
        DialogKeyBinding([.character("]"), .character("J")], .moveEntryDown, in: [.list], "List editor: move the entry down"),
        DialogKeyBinding([.character("a")], .addEntry, in: [.list], "List editor: add an entry"),
        DialogKeyBinding([.character("x"), .delete], .removeEntry, in: [.list], "List editor: remove the entry"),
        // Every other key in a prompt or a picker edits the text.
        DialogKeyBinding([], label: "typing", .editText, in: [.text, .picker], "Edits text; filters pickers"),
        DialogKeyBinding([.left, .right, .home, .end, .control("u")], label: "←→ Home End", .editText, in: [.text, .picker],
                         "Move the cursor; Ctrl-U clears"),
    ]

    /// What `key` does in a dialog of this kind; nil when the table has nothing for it (a
    /// prompt or picker then edits its text; a confirmation looks for an answer key).
    public static func dialogAction(for key: Key, in kind: DialogKind) -> DialogAction? {
        dialogBindings.first { $0.dialogs.contains(kind) && $0.keys.contains(key) }?.action
    }

    /// Keys inside dialogs, for the help overlay.
    public static var dialogHelp: [(String, String)] { dialogBindings.map { ($0.label, $0.help) } }
}
