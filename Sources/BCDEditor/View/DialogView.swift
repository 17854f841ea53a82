/// Draws the top dialog; returns where the text cursor goes.
enum DialogView {
    static func draw<C: Canvas>(_ dialog: Dialog, state: EditorState, layout: Layout, on canvas: inout C) -> (row: Int, column: Int)? {
        let wide = min(layout.columns - 4, 90)
        switch dialog {
        case .text(let prompt):
            let box = Box.centered(width: wide, height: 8, in: layout)
            box.draw(title: prompt.title, on: &canvas)
            box.put(prompt.hint, line: 0, style: .dim, on: &canvas)
            let shown = prompt.field.visible(width: box.innerWidth - 2)
            box.put("> " + shown.text, line: 2, on: &canvas)
            if let error = prompt.error { box.put(error, line: 3, style: .error, on: &canvas) }
            box.put("Enter accept   Esc cancel   ←→ Home End move   Ctrl-U clear", line: 5, style: .dim, on: &canvas)
            return (box.top + 3, box.left + 4 + shown.cursorColumn)
        case .picker(let picker):
            let visible = picker.visibleItems
            let height = min(layout.rows - 2, max(10, visible.count + 6))
            let box = Box.centered(width: wide, height: height, in: layout)
            box.draw(title: picker.title, on: &canvas)
            let search = picker.filter.visible(width: box.innerWidth - 8)
            box.put("find: " + search.text, line: 0, style: .key, on: &canvas)
            let room = box.innerHeight - 3
            let first = max(0, min(picker.selected - room + 1, visible.count - room))
            let labelWidth = max(12, min(44, visible.map { TextWidth.of($0.label) }.max() ?? 12))
            for (offset, item) in visible.dropFirst(max(0, first)).prefix(room).enumerated() {
                let index = max(0, first) + offset
                let text = TextWidth.fit(item.label, to: labelWidth) + "  " + item.detail
                box.put(TextWidth.fit(text, to: box.innerWidth), line: 1 + offset, style: index == picker.selected ? .selected : (item.style ?? .dialog), on: &canvas)
            }
            if visible.isEmpty { box.put("(nothing matches)", line: 1, style: .dim, on: &canvas) }
            box.put("↑↓ choose   Enter accept   Esc cancel   type to search (\(visible.count)/\(picker.items.count))",
                    line: box.innerHeight - 1, style: .dim, on: &canvas)
            return (box.top + 1, box.left + 2 + 6 + search.cursorColumn)
        case .confirm(let confirm):
            // The first line (the question or warning) wraps; the rest are list entries.
            let first = wrapWords(confirm.lines.first ?? "", width: wide - 4)
            let lines = first + confirm.lines.dropFirst()
            let box = Box.centered(width: wide, height: lines.count + confirm.choices.count + 5, in: layout)
            box.draw(title: confirm.title, on: &canvas)
            for (index, line) in lines.enumerated() {
                box.put(line, line: index, style: index < first.count && confirm.lines.count > 1 ? .error : .dialog, on: &canvas)
            }
            for (index, choice) in confirm.choices.enumerated() {
                box.put("[\(choice.key)] \(choice.label)", line: lines.count + 1 + index, style: .key, on: &canvas)
            }
            box.put("Esc cancels", line: box.innerHeight - 1, style: .dim, on: &canvas)
            return nil
        case .list(let list):
            let box = Box.centered(width: wide, height: min(layout.rows - 2, max(10, list.items.count + 5)), in: layout)
            box.draw(title: list.title, on: &canvas)
            let room = box.innerHeight - 2
            let first = max(0, min(list.selected - room + 1, list.items.count - room))
            for (offset, id) in list.items.dropFirst(first).prefix(room).enumerated() {
                let index = first + offset
                let text = "\(index + 1). " + state.objectName(id)
                box.put(TextWidth.fit(text, to: box.innerWidth), line: offset, style: index == list.selected ? .selected : .dialog, on: &canvas)
            }
            if list.items.isEmpty { box.put("(empty: a adds an object)", line: 0, style: .dim, on: &canvas) }
            box.put("[ ] move   a add   x remove   Enter save   Esc cancel", line: box.innerHeight - 1, style: .dim, on: &canvas)
            return nil
        }
    }

    static func wrapWords(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && TextWidth.of(line) + 1 + TextWidth.of(String(word)) > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
