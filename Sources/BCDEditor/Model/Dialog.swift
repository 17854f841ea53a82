import BCDKit

/// What a dialog does with its answer. Returns an error text to keep the dialog open.
public typealias DialogCompletion = (inout EditorState, String) -> String?

/// A modal question on top of the main screen. Dialogs stack: a picker opened from the list
/// editor returns to it.
public enum Dialog {
    case text(TextPrompt)
    case picker(Picker)
    case confirm(Confirm)
    case list(ListEditor)

    public var title: String {
        switch self {
        case .text(let d): return d.title
        case .picker(let d): return d.title
        case .confirm(let d): return d.title
        case .list(let d): return d.title
        }
    }
}

/// One line of input (text, integers with a range check, device paths).
public struct TextPrompt {
    public var title: String
    public var hint: String
    public var field: TextField
    public var error: String?
    public var onSubmit: DialogCompletion

    public init(title: String, hint: String = "", initial: String = "", onSubmit: @escaping DialogCompletion) {
        self.title = title
        self.hint = hint
        self.field = TextField(initial)
        self.onSubmit = onSubmit
    }
}

/// A searchable list to choose from (choices, objects, elements to add, templates).
public struct Picker {
    public struct Item: Hashable, Sendable {
        public var label: String
        public var detail: String
        public var value: String
        /// How the item looks when not highlighted (nil: the dialog's style).
        public var style: StyleRole?
        /// Paragraphs shown whole (wrapped) under the list while the item is highlighted, for
        /// items whose line is too long to read in the list (diagnostics and their fixes).
        public var explanation: [String]
        public init(_ label: String, detail: String = "", value: String, style: StyleRole? = nil, explanation: [String] = []) {
            self.label = label
            self.detail = detail
            self.value = value
            self.style = style
            self.explanation = explanation
        }
    }

    public var title: String
    public var items: [Item]
    public var filter = TextField()
    public var selected = 0
    public var onPick: DialogCompletion

    public init(title: String, items: [Item], selectedValue: String? = nil, onPick: @escaping DialogCompletion) {
        self.title = title
        self.items = items
        self.onPick = onPick
        if let selectedValue, let index = items.firstIndex(where: { $0.value == selectedValue }) { selected = index }
    }

    /// Items whose label or detail contains every word of the filter (case-insensitive).
    public var visibleItems: [Item] {
        let words = filter.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return items }
        return items.filter { item in
            let haystack = (item.label + " " + item.detail).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }
}

/// A question with a few one-key answers (y/n, save/discard/cancel, clean/keep references).
public struct Confirm {
    public struct Choice {
        public var key: Character
        public var label: String
        public var action: (inout EditorState) -> Void
        public init(_ key: Character, _ label: String, action: @escaping (inout EditorState) -> Void) {
            self.key = key
            self.label = label
            self.action = action
        }
    }

    public var title: String
    public var lines: [String]
    public var choices: [Choice]

    public init(title: String, lines: [String], choices: [Choice]) {
        self.title = title
        self.lines = lines
        self.choices = choices
    }
}

/// Editor for object lists (displayorder, toolsdisplayorder, bootsequence, inherit...):
/// move entries, add from the store, remove.
public struct ListEditor {
    public var title: String
    public var items: [BCDGUID]
    public var selected = 0
    public var onDone: (inout EditorState, [BCDGUID]) -> String?

    public init(title: String, items: [BCDGUID], onDone: @escaping (inout EditorState, [BCDGUID]) -> String?) {
        self.title = title
        self.items = items
        self.onDone = onDone
    }

    public mutating func moveSelected(by offset: Int) {
        let target = selected + offset
        guard items.indices.contains(selected), items.indices.contains(target) else { return }
        items.swapAt(selected, target)
        selected = target
    }

    public mutating func removeSelected() {
        guard items.indices.contains(selected) else { return }
        items.remove(at: selected)
        selected = min(selected, max(0, items.count - 1))
    }
}
