/// The help overlay: every key from the key map, plus the dialog keys.
/// Entries are never clipped: two columns when every entry fits its column, otherwise one column
/// that scrolls (↑↓ PgUp PgDn) when the screen is too short.
enum HelpView {
    static func lines() -> [(String, String)] {
        KeyMap.bindings.map { binding in (binding.keys.map(\.label).joined(separator: " "), binding.help) }
            + [("", ""), ("In dialogs:", "")] + KeyMap.dialogHelp
    }

    /// What the overlay shows on a screen of this size.
    struct Page {
        let box: Box
        let columns: Int
        let perColumn: Int
        let keyWidth: Int
        /// First entry shown (one-column mode only), already clamped.
        let firstEntry: Int
        let entryCount: Int

        var scrolls: Bool { columns == 1 && entryCount > box.innerHeight }
        var lastFirstEntry: Int { scrolls ? entryCount - box.innerHeight : 0 }
    }

    static func page(for layout: Layout, scroll: Int) -> Page {
        let entries = lines()
        let keyWidth = entries.map { TextWidth.of($0.0) }.max() ?? 0
        let entryWidth = keyWidth + 2 + (entries.map { TextWidth.of($0.1) }.max() ?? 0)
        let fullBox = Box.centered(width: layout.columns - 2, height: layout.rows - 1, in: layout)
        let twoColumnsFit = 2 * (entryWidth + 1) <= fullBox.innerWidth && (entries.count + 1) / 2 <= fullBox.innerHeight
        let columns = entries.count > fullBox.innerHeight && twoColumnsFit ? 2 : 1
        let perColumn = (entries.count + columns - 1) / columns
        let box = Box.centered(width: min(layout.columns - 2, columns * (entryWidth + 1) + 4),
                               height: min(layout.rows - 1, perColumn + 2), in: layout)
        let last = max(0, entries.count - box.innerHeight)
        return Page(box: box, columns: columns, perColumn: perColumn, keyWidth: keyWidth,
                    firstEntry: columns == 1 ? min(max(0, scroll), last) : 0, entryCount: entries.count)
    }

    static func draw<C: Canvas>(_ layout: Layout, scroll: Int, on canvas: inout C) {
        let entries = lines()
        let page = page(for: layout, scroll: scroll)
        let box = page.box
        var title = "Keys (Esc closes this help)"
        if page.scrolls {
            let shownTo = min(page.entryCount, page.firstEntry + box.innerHeight)
            title = "Keys \(page.firstEntry + 1)-\(shownTo)/\(page.entryCount): ↑↓ PgUp PgDn scroll, other keys close"
        }
        box.draw(title: title, on: &canvas)
        let columnWidth = box.innerWidth / page.columns
        for (index, entry) in entries.enumerated() {
            let column = index / page.perColumn
            let line = page.columns == 1 ? index - page.firstEntry : index % page.perColumn
            guard line >= 0, line < box.innerHeight else { continue }
            let text = TextWidth.fit(entry.0, to: page.keyWidth) + "  " + entry.1
            canvas.put(TextWidth.clip(text, to: columnWidth - 1), row: box.top + 1 + line, column: box.left + 2 + column * columnWidth,
                       style: entry.1.isEmpty ? .heading : .dialog)
        }
    }
}
