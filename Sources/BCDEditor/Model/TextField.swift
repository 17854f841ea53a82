/// A one-line text input with a cursor, edited by whole characters (so UTF-8 text such as
/// "Установка Windows" or "Windows 安装" moves and deletes as the user sees it).
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): characters.insert(c, at: cursor); cursor += 1
        case .backspace, .control("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"): characters.removeFirst(cursor); cursor = 0
        case .control("k"): characters.removeLast(characters.count - cursor)
        default: return false
        }
        return true
    }

    /// The visible part for a box `width` columns wide, and the cursor column within it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        while TextWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
        let shown = TextWidth.clip(String(characters[start...]), to: width)
        return (shown, TextWidth.of(String(characters[start..<cursor])))
    }
}
