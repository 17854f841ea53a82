/// Draws the top dialog; returns where the text cursor goes.
enum DialogView {
    /// Dialogs are 90 columns (or the screen) at least, and grow to their longest line (text
    /// columns, without the frame) up to the screen's width less a margin.
    static func width(fitting lineWidths: [Int], in layout: Layout) -> Int {
        let screen = layout.columns - 4
        return min(screen, max(min(90, screen), (lineWidths.max() ?? 0) + 4))
    }

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
            return PickerView.draw(picker, layout: layout, on: &canvas)
        case .confirm(let confirm):
            // The first line (the question or warning) wraps; the rest are list entries, which
            // widen the box to the longest of them.
            let entries = confirm.lines.dropFirst().map { TextWidth.of($0) }
            let choices = confirm.choices.map { TextWidth.of("[\($0.key)] \($0.label)") }
            let width = width(fitting: entries + choices + [TextWidth.of(confirm.title) + 2], in: layout)
            let first = wrapWords(confirm.lines.first ?? "", width: width - 4)
            let lines = first + confirm.lines.dropFirst()
            let box = Box.centered(width: width, height: lines.count + confirm.choices.count + 5, in: layout)
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
            let entries = list.items.enumerated().map { index, id in "\(index + 1). " + state.objectName(id) }
            let width = width(fitting: entries.map { TextWidth.of($0) } + [TextWidth.of(list.title) + 2], in: layout)
            let box = Box.centered(width: width, height: min(layout.rows - 2, max(10, list.items.count + 5)), in: layout)
            box.draw(title: list.title, on: &canvas)
            let room = box.innerHeight - 2
            let first = max(0, min(list.selected - room + 1, list.items.count - room))
            for (offset, text) in entries.dropFirst(first).prefix(room).enumerated() {
                let index = first + offset
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
