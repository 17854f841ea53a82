import BCDKit

/// Undo and redo: stacks of whole store values (BCDStore is a value type, so a snapshot is
/// cheap and exact) with what each change was.
public struct History: Sendable {
    public struct Entry: Sendable {
        public var store: BCDStore
        public var label: String
        public var selection: BCDGUID?
    }

    public private(set) var undoStack: [Entry] = []
    public private(set) var redoStack: [Entry] = []
    public static let limit = 500

    public init() {}

    public mutating func record(_ before: BCDStore, label: String, selection: BCDGUID?) {
        undoStack.append(Entry(store: before, label: label, selection: selection))
        if undoStack.count > Self.limit { undoStack.removeFirst() }
        redoStack.removeAll()
    }

    /// Returns the store to go back to, keeping `current` for redo.
    public mutating func undo(from current: BCDStore, selection: BCDGUID?) -> Entry? {
        guard let entry = undoStack.popLast() else { return nil }
        redoStack.append(Entry(store: current, label: entry.label, selection: selection))
        return entry
    }

    public mutating func redo(from current: BCDStore, selection: BCDGUID?) -> Entry? {
        guard let entry = redoStack.popLast() else { return nil }
        undoStack.append(Entry(store: current, label: entry.label, selection: selection))
        return entry
    }
}
