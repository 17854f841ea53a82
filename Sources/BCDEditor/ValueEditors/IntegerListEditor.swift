import BCDKit

/// Integer lists (badmemorylist...): numbers separated by spaces, shown in hex.
extension EditorState {
    mutating func editIntegerList(_ edit: ElementEdit) {
        var initial = ""
        if case .integerList(let values)? = edit.current { initial = values.map { "0x" + String($0, radix: 16) }.joined(separator: " ") }
        push(.text(TextPrompt(title: edit.title, hint: "numbers separated by spaces", initial: initial) { state, text in
            let numbers = text.split(separator: " ").map { IntegerText.parse(String($0)) }
            guard numbers.allSatisfy({ $0 != nil }) else { return "give whole numbers separated by spaces" }
            state.setElement(edit.type, to: .integerList(numbers.compactMap { $0 }), in: edit.objectID)
            return nil
        }))
    }
}
