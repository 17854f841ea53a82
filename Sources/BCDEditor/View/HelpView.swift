/// The help overlay: every key from the key map, plus the dialog keys.
enum HelpView {
    static func lines() -> [(String, String)] {
        KeyMap.bindings.map { binding in (binding.keys.map(\.label).joined(separator: " "), binding.help) }
            + [("", ""), ("In dialogs:", "")] + KeyMap.dialogHelp
    }

    static func draw<C: Canvas>(_ layout: Layout, on canvas: inout C) {
        let entries = lines()
        let available = layout.rows - 4
        let columnsNeeded = entries.count > available ? 2 : 1
        let perColumn = (entries.count + columnsNeeded - 1) / columnsNeeded
        let box = Box.centered(width: layout.columns - 2, height: min(layout.rows - 1, perColumn + 3), in: layout)
        box.draw(title: "Keys (any key closes this help)", on: &canvas)
        let columnWidth = box.innerWidth / columnsNeeded
        for (index, entry) in entries.enumerated() {
            let column = index / perColumn, line = index % perColumn
            guard line < box.innerHeight else { continue }
            let text = TextWidth.fit(entry.0, to: 16) + " " + entry.1
            canvas.put(TextWidth.clip(text, to: columnWidth - 1), row: box.top + 1 + line, column: box.left + 2 + column * columnWidth,
                       style: entry.1.isEmpty ? .heading : .dialog)
        }
    }
}
