import BCDKit

/// Draws an EditorState on a Canvas. Keeps only scroll positions between frames.
public final class Renderer {
    private var objectScroll = 0
    private var elementScroll = 0

    private struct BlockKey: Equatable {
        var version: UInt64
        var object: BCDGUID
        var raw: Bool
        var width: Int
    }
    private var blockKey: BlockKey?
    private var blockCache: [(index: Int, lines: [String])] = []

    public init() {}

    public func render<C: Canvas>(_ state: EditorState, on canvas: inout C) {
        canvas.clear()
        let layout = Layout(rows: canvas.rows, columns: canvas.columns)
        if layout.isTooSmall {
            drawTooSmall(layout, on: &canvas)
            canvas.setCursor(nil)
            return
        }
        drawTitle(state, layout, on: &canvas)
        drawObjects(state, layout, on: &canvas)
        for row in layout.paneTop..<(layout.paneTop + layout.paneHeight) {
            canvas.put("│", row: row, column: layout.objectsWidth, style: .border)
        }
        drawElements(state, layout, on: &canvas)
        var cursor = drawMessage(state, layout, on: &canvas)
        drawStatus(state, layout, on: &canvas)
        if state.showHelp {
            HelpView.draw(layout, scroll: state.helpScroll, on: &canvas)
            cursor = nil
        } else if let dialog = state.dialogs.last {
            cursor = DialogView.draw(dialog, state: state, layout: layout, on: &canvas)
        }
        canvas.setCursor(cursor)
    }

    private func drawTooSmall<C: Canvas>(_ layout: Layout, on canvas: inout C) {
        let text = "Terminal too small: bcd edit needs at least \(Layout.minimumColumns)x\(Layout.minimumRows), this one is \(layout.columns)x\(layout.rows). Enlarge the window (q quits)."
        var row = 0
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && TextWidth.of(line) + 1 + word.count > layout.columns {
                canvas.put(TextWidth.clip(line, to: layout.columns), row: row, column: 0, style: .error)
                row += 1
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if row < layout.rows { canvas.put(TextWidth.clip(line, to: layout.columns), row: row, column: 0, style: .error) }
    }

    private func drawTitle<C: Canvas>(_ state: EditorState, _ layout: Layout, on canvas: inout C) {
        var text = " bcd edit  \(state.file.path)"
        if state.isDirty { text += "  [modified]" }
        if state.readOnly { text += "  [read-only]" }
        if state.rawView { text += "  [raw view]" }
        canvas.put(TextWidth.fit(text, to: layout.columns), row: 0, column: 0, style: .title)
        if state.isDirty {
            canvas.put(" * ", row: 0, column: layout.columns - 3, style: .dirty)
        }
    }

    private func drawObjects<C: Canvas>(_ state: EditorState, _ layout: Layout, on canvas: inout C) {
        let rows = state.objectRows
        let width = layout.objectsWidth
        let height = layout.paneHeight
        let selectedIndex = rows.firstIndex { if case .object(let id) = $0 { return id == state.selectedObject } else { return false } } ?? 0
        if selectedIndex < objectScroll { objectScroll = max(0, selectedIndex - 1) }
        if selectedIndex >= objectScroll + height { objectScroll = selectedIndex - height + 1 }
        objectScroll = min(objectScroll, max(0, rows.count - height))
        if rows.isEmpty {
            let text = state.filter.isEmpty ? " (no objects: n creates one)" : " (no object matches '\(state.filter)')"
            canvas.put(TextWidth.clip(text, to: width), row: layout.paneTop, column: 0, style: .dim)
        }
        for (offset, row) in rows.dropFirst(objectScroll).prefix(height).enumerated() {
            let y = layout.paneTop + offset
            switch row {
            case .heading(let group, let count):
                canvas.put(TextWidth.clip("\(group.rawValue) (\(count))", to: width), row: y, column: 0, style: .heading)
            case .object(let id):
                guard let object = state.object(id) else { continue }
                let identifier = shortIdentifier(object, room: width / 2)
                let isDefault = state.defaultObject == id
                let label = (isDefault ? "* " : "  ") + ObjectListing.label(object)
                let labelWidth = max(4, width - TextWidth.of(identifier) - 2)
                let line = TextWidth.fit(label, to: labelWidth) + " " + identifier
                let selected = id == state.selectedObject
                let style: StyleRole = selected ? (state.focus == .objects ? .selected : .selectedInactive) : .normal
                canvas.put(TextWidth.fit(line, to: width), row: y, column: 0, style: style)
            }
        }
    }

    private func shortIdentifier(_ object: BCDObject, room: Int) -> String {
        if let alias = ObjectNames.alias(for: object.id) { return alias }
        let braced = object.id.braced
        return braced.count <= room ? braced : String(braced.prefix(9)) + "…}"
    }

    private func drawElements<C: Canvas>(_ state: EditorState, _ layout: Layout, on canvas: inout C) {
        let x = layout.elementsColumn + 1
        let width = layout.elementsWidth - 1
        guard let object = state.currentObject else {
            canvas.put(TextWidth.clip("No object selected.", to: width), row: layout.paneTop, column: x, style: .dim)
            return
        }
        var heading = bcdeditHeading(objectType: object.type.rawValue, guid: object.id.description)
        if let alias = ObjectNames.alias(for: object.id) { heading += "  " + alias }
        if state.defaultObject == object.id { heading += "  {default}" }
        canvas.put(TextWidth.clip(heading + (state.rawView ? "  (type 0x\(String(object.type.rawValue, radix: 16)))" : ""), to: width),
                   row: layout.paneTop, column: x, style: .heading)
        let idLine = (width >= 62 ? "identifier              " : "identifier ") + object.id.braced
        canvas.put(TextWidth.clip(idLine, to: width), row: layout.paneTop + 1, column: x, style: .dim)

        let top = layout.paneTop + 3
        let height = layout.paneHeight - 3
        // Element text only changes with the store, the object, the view and the width.
        let key = BlockKey(version: state.storeVersion, object: object.id, raw: state.rawView, width: width)
        if key != blockKey {
            blockCache = object.elements.enumerated().map { index, element in
                (index, ElementLines.lines(for: element, in: object, store: state.store, defaultObject: state.defaultObject,
                                           raw: state.rawView, width: width))
            }
            blockKey = key
        }
        let blocks = blockCache
        if blocks.isEmpty {
            canvas.put(TextWidth.clip("(no elements: a adds one)", to: width), row: top, column: x, style: .dim)
            return
        }
        // Scroll so the selected element's first line is visible.
        var starts: [Int] = []
        var total = 0
        for block in blocks { starts.append(total); total += block.lines.count }
        let selected = min(state.selectedElement, blocks.count - 1)
        let selectedStart = starts[selected], selectedEnd = selectedStart + blocks[selected].lines.count
        if selectedStart < elementScroll { elementScroll = selectedStart }
        if selectedEnd > elementScroll + height { elementScroll = min(selectedStart, selectedEnd - height) }
        elementScroll = max(0, min(elementScroll, max(0, total - height)))
        var line = 0
        for block in blocks {
            for text in block.lines {
                defer { line += 1 }
                guard line >= elementScroll, line < elementScroll + height else { continue }
                let isSelected = block.index == selected
                let style: StyleRole = isSelected ? (state.focus == .elements ? .selected : .selectedInactive) : .normal
                canvas.put(TextWidth.fit(text, to: width), row: top + line - elementScroll, column: x, style: style)
            }
        }
    }

    /// The line above the status bar: the filter being typed, else the last message, else
    /// the diagnostics summary and the pane keys.
    private func drawMessage<C: Canvas>(_ state: EditorState, _ layout: Layout, on canvas: inout C) -> (row: Int, column: Int)? {
        let row = layout.messageRow
        if let field = state.filterField {
            let prompt = "/ filter: "
            let shown = field.visible(width: layout.columns - prompt.count - 1)
            canvas.put(prompt + shown.text, row: row, column: 0, style: .key)
            return (row, prompt.count + shown.cursorColumn)
        }
        if let message = state.message {
            canvas.put(TextWidth.clip(" " + message.text, to: layout.columns), row: row, column: 0, style: message.isError ? .error : .message)
        } else if !state.filter.isEmpty {
            canvas.put(TextWidth.clip(" filter: \(state.filter)  (Esc clears)", to: layout.columns), row: row, column: 0, style: .key)
        } else {
            let found = state.currentDiagnostics
            let summary = found.map(EditorState.summary(of:)) ?? "checking…"
            let secureBoot = (state.bootFirmware == .bios ? " (BIOS)" : "") + (state.secureBoot.map { " (secure boot \($0.rawValue))" } ?? "")
            let text = " g diagnostics: \(summary) · f attached files (\(state.attachedFiles.count)) · b test boot" + secureBoot
            let worst = found?.map(\.severity).max()
            let style: StyleRole = worst == .error ? .error : worst == .warning ? .heading : .placeholder
            canvas.put(TextWidth.clip(text, to: layout.columns), row: row, column: 0, style: style)
        }
        return nil
    }

    private func drawStatus<C: Canvas>(_ state: EditorState, _ layout: Layout, on canvas: inout C) {
        var left = " " + PathText.fileName(state.file.path)
        left += state.isDirty ? " [+]" : ""
        left += state.readOnly ? " [RO]" : ""
        let right = " theme: \(state.themeName) "
        let middleWidth = max(0, layout.columns - TextWidth.of(left) - TextWidth.of(right))
        let hints = "  " + KeyMap.hints(fitting: max(0, middleWidth - 4))  // two spaces before and after
        canvas.put(TextWidth.fit(left + TextWidth.fit(hints, to: middleWidth) + right, to: layout.columns),
                   row: layout.statusRow, column: 0, style: .status)
    }
}
