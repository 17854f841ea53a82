/// The picker dialog: a filter line, the list, the highlighted item's explanation (when items
/// have one) and the key line. The box is as wide as its longest line, up to the screen.
enum PickerView {
    /// Where everything goes for one picker on one screen.
    struct Page {
        let box: Box
        /// Columns of the label column (labels are padded to it, details follow).
        let labelWidth: Int
        /// List rows shown at once.
        let listRows: Int
        /// Lines kept for the highlighted item's explanation (0: no item has one).
        let explanationRows: Int
        let footer: String
    }

    static func page(for picker: Picker, layout: Layout) -> Page {
        let visible = picker.visibleItems
        let footer = "↑↓ choose   Enter accept   Esc cancel   type to search (\(visible.count)/\(picker.items.count))"
        // Sized over every item, not only the filtered ones, so the box keeps its size while typing.
        let longestLabel = max(12, picker.items.map { TextWidth.of($0.label) }.max() ?? 12)
        let longestDetail = picker.items.map { TextWidth.of($0.detail) }.max() ?? 0
        let longestLine = longestLabel + (longestDetail > 0 ? 2 + longestDetail : 0)
        let width = DialogView.width(fitting: [longestLine, TextWidth.of(picker.title) + 2, TextWidth.of(footer)], in: layout)
        let inner = width - 4
        // Labels get their full width unless details then lose the room; at least two thirds of the
        // box (and never under the former 44-column label column) when details are long.
        let labelWidth = min(longestLabel, max(44, inner * 2 / 3, inner - 2 - longestDetail), inner)

        let explanations = picker.items.map { wrapped($0.explanation, width: inner).count }.max() ?? 0
        let explanationRows = min(explanations, max(0, (layout.rows - 2) / 3))
        let explanationSpace = explanationRows > 0 ? explanationRows + 1 : 0
        let height = min(layout.rows - 2, max(10, visible.count + 6 + explanationSpace))
        let box = Box.centered(width: width, height: height, in: layout)
        return Page(box: box, labelWidth: labelWidth, listRows: max(1, box.innerHeight - 3 - explanationSpace),
                    explanationRows: explanationRows, footer: footer)
    }

    /// The paragraphs broken at spaces to `width` columns (a word longer than that is clipped
    /// by the box).
    static func wrapped(_ paragraphs: [String], width: Int) -> [String] {
        paragraphs.flatMap { DialogView.wrapWords($0, width: width) }
    }

    static func draw<C: Canvas>(_ picker: Picker, layout: Layout, on canvas: inout C) -> (row: Int, column: Int) {
        let visible = picker.visibleItems
        let page = page(for: picker, layout: layout)
        let box = page.box
        box.draw(title: picker.title, on: &canvas)
        let search = picker.filter.visible(width: box.innerWidth - 8)
        box.put("find: " + search.text, line: 0, style: .key, on: &canvas)
        let room = page.listRows
        let first = max(0, min(picker.selected - room + 1, visible.count - room))
        for (offset, item) in visible.dropFirst(first).prefix(room).enumerated() {
            let index = first + offset
            let text = item.detail.isEmpty ? item.label : TextWidth.fit(item.label, to: page.labelWidth) + "  " + item.detail
            box.put(TextWidth.fit(text, to: box.innerWidth), line: 1 + offset,
                    style: index == picker.selected ? .selected : (item.style ?? .dialog), on: &canvas)
        }
        if visible.isEmpty { box.put("(nothing matches)", line: 1, style: .dim, on: &canvas) }
        if page.explanationRows > 0, visible.indices.contains(picker.selected) {
            let item = visible[picker.selected]
            var lines = wrapped(item.explanation, width: box.innerWidth)
            if lines.count > page.explanationRows {
                lines = Array(lines.prefix(page.explanationRows))
                lines[lines.count - 1] = TextWidth.clip(lines[lines.count - 1], to: box.innerWidth - 2) + " …"
            }
            let top = 1 + room + 1
            for (offset, line) in lines.enumerated() {
                box.put(line, line: top + offset, style: item.style ?? .dialog, on: &canvas)
            }
        }
        box.put(page.footer, line: box.innerHeight - 1, style: .dim, on: &canvas)
        return (box.top + 1, box.left + 2 + 6 + search.cursorColumn)
    }
}
