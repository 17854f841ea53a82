import BCDKit

/// Integers the catalog marks as IPv4 addresses (hostip...): typed and shown as a.b.c.d, read
/// by the same parser as `bcd set`.
extension EditorState {
    mutating func editIPv4Address(_ edit: ElementEdit) {
        let initial = edit.element.flatMap { ValueFormatter(store: store, verbose: false).lines(for: $0, in: edit.object).first } ?? ""
        push(.text(TextPrompt(title: edit.title, hint: "IPv4 address, e.g. 192.168.0.2", initial: initial) { state, text in
            let value: ElementValue
            do throws(EditError) {
                value = try ValueParser(store: state.store).parse([text], for: edit.type, in: edit.object, elementName: edit.name)
            } catch { return error.description }
            state.setElement(edit.type, to: value, in: edit.objectID)
            return nil
        }))
    }
}
