/// A framed box in the middle of the screen.
struct Box {
    let top: Int
    let left: Int
    let width: Int
    let height: Int

    static func centered(width: Int, height: Int, in layout: Layout) -> Box {
        let w = min(width, layout.columns - 2), h = min(height, layout.rows - 2)
        return Box(top: max(0, (layout.rows - h) / 2), left: max(0, (layout.columns - w) / 2), width: w, height: h)
    }

    var innerWidth: Int { width - 4 }
    var innerHeight: Int { height - 2 }

    func draw<C: Canvas>(title: String, on canvas: inout C) {
        let titleText = TextWidth.clip(" \(title) ", to: width - 4)
        canvas.put("┌" + String(repeating: "─", count: width - 2) + "┐", row: top, column: left, style: .border)
        canvas.put(titleText, row: top, column: left + 2, style: .dialogTitle)
        for row in 1..<(height - 1) {
            canvas.put("│", row: top + row, column: left, style: .border)
            canvas.put(String(repeating: " ", count: width - 2), row: top + row, column: left + 1, style: .dialog)
            canvas.put("│", row: top + row, column: left + width - 1, style: .border)
        }
        canvas.put("└" + String(repeating: "─", count: width - 2) + "┘", row: top + height - 1, column: left, style: .border)
    }

    /// Line `index` (0-based) inside the frame.
    func put<C: Canvas>(_ text: String, line index: Int, style: StyleRole = .dialog, on canvas: inout C) {
        guard index >= 0, index < innerHeight else { return }
        canvas.put(TextWidth.clip(text, to: innerWidth), row: top + 1 + index, column: left + 2, style: style)
    }
}
