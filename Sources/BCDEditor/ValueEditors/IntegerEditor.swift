import BCDKit

/// Plain integers: decimal or 0x hex, checked against the range the catalog gives the element.
extension EditorState {
    mutating func editInteger(_ edit: ElementEdit) {
        var number: UInt64 = 0
        if case .integer(let value)? = edit.current { number = value }
        let range = edit.integerTraits.range
        push(.text(TextPrompt(title: edit.title, hint: "integer \(range.lowerBound)-\(range.upperBound) (decimal, or 0x hex)",
                              initial: edit.element == nil ? "" : String(number)) { state, text in
            guard let value = IntegerText.parse(text) else { return "'\(text)' is not a whole number (decimal or 0x hex)" }
            guard range.contains(value) else { return "\(value) is out of range \(range.lowerBound)-\(range.upperBound)" }
            state.setElement(edit.type, to: .integer(value), in: edit.objectID)
            return nil
        }))
    }
}

/// A whole number as the integer editors accept it: `bcd set`'s rule, spaces around allowed.
enum IntegerText {
    static func parse(_ text: String) -> UInt64? { ValueParser.wholeNumber(text.trimmingSpaces()) }
}

extension String {
    func trimmingSpaces() -> String {
        var copy = Substring(self)
        while copy.first == " " { copy.removeFirst() }
        while copy.last == " " { copy.removeLast() }
        return String(copy)
    }
}
