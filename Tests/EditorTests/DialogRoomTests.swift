import BCDCheck
import Foundation
import BCDKit
import Testing
@testable import BCDEditor

/// Dialogs use the room the terminal has (issue 18 item 7): lists are as wide as their longest
/// line up to the screen, and the highlighted diagnostic is shown whole with its fix.
@Suite("Editor dialogs use the room they have") struct DialogRoomTests {
    /// The text inside the dialog's frame, row by row (what lies between its two borders).
    static func boxRows(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).compactMap { row -> String? in
            guard let left = row.firstIndex(of: "│"), let right = row.lastIndex(of: "│"), left < right else { return nil }
            return String(row[row.index(after: left)..<right]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The box's rows as one text, single-spaced, so wrapped lines read as the sentence they were.
    static func boxText(_ screen: String) -> String {
        boxRows(screen).filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func templateListShowsEveryTitleWhole() throws {
        var state = try EditorFixtures.state()
        state.screenSize = (rows: 40, columns: 140)
        state.press(.character("n"))
        let screen = state.render(rows: 40, columns: 140)
        for template in EntryTemplate.allCases {
            #expect(Self.boxRows(screen).contains { $0.hasPrefix(template.title) }, "cut: \(template.title)")
        }
    }

    @Test func listsGrowToTheirLongestLineButNotPastTheScreen() throws {
        var state = try EditorFixtures.state()
        let long = String(repeating: "x", count: 200)
        state.push(.picker(Picker(title: "t", items: [Picker.Item("a", detail: long, value: "a")]) { _, _ in nil }))
        let wide = PickerView.page(for: try #require(pickerOnTop(state)), layout: Layout(rows: 40, columns: 140))
        #expect(wide.box.width == 136, "up to the screen less the margin")
        let narrow = PickerView.page(for: try #require(pickerOnTop(state)), layout: Layout(rows: 24, columns: 80))
        #expect(narrow.box.width == 76)

        state.dialogs.removeAll()
        let medium = String(repeating: "y", count: 110)
        state.push(.picker(Picker(title: "t", items: [Picker.Item(medium, value: "m")]) { _, _ in nil }))
        let page = PickerView.page(for: try #require(pickerOnTop(state)), layout: Layout(rows: 40, columns: 140))
        #expect(page.box.width == 114, "the longest line and the frame")
        #expect(Self.boxRows(state.render(rows: 40, columns: 140)).contains(medium))
    }

    private func pickerOnTop(_ state: EditorState) -> Picker? {
        if case .picker(let picker)? = state.topDialog { return picker }
        return nil
    }

    @Test func theHighlightedDiagnosticIsShownWholeWithItsFix() throws {
        var state = try EditorFixtures.state()
        state.screenSize = (rows: 40, columns: 140)
        // A WinPE entry whose SDI path is outside the loader's directories, and no files attached:
        // findings with long messages and fixes.
        state.press(.character("n"), .enter, .enter, .enter)
        state.change("move the SDI") { store in
            guard var options = store[ObjectNames.ramdiskOptions] else { return }
            options.set(0x3200_0004, .string("\\Image\\boot.sdi"))   // ramdisksdipath
            store[options.id] = options
        }
        let found = state.diagnostics
        let longest = try #require(found.indices.max { a, b in
            (found[a].message + (found[a].fix ?? "")).count < (found[b].message + (found[b].fix ?? "")).count
        })
        let diagnostic = found[longest]
        let fix = try #require(diagnostic.fix, "the longest finding has a fix")
        state.press(.character("g"))
        let picker = try #require(pickerOnTop(state))
        let row = try #require(picker.visibleItems.firstIndex { $0.value == String(longest) })
        state.press(.pageUp)
        for _ in 0..<row { state.press(.down) }
        let screen = state.render(rows: 40, columns: 140)
        let listLine = picker.visibleItems[row].label + "  " + picker.visibleItems[row].detail
        #expect(TextWidth.of(listLine) > 132, "the list line alone is cut at the dialog's edge")
        for item in picker.visibleItems {   // a GUID in a label (a note on the new entry) is not cut either
            #expect(Self.boxRows(screen).contains { $0.hasPrefix(item.label + "  ") }, "label cut: \(item.label)")
        }
        let text = Self.boxText(screen)
        #expect(text.contains(diagnostic.message), "message not whole in:\n\(screen)")
        #expect(text.contains("fix: " + fix), "fix not whole in:\n\(screen)")

        // Moving on shows the next one instead.
        state.press(row == 0 ? .down : .up)
        let other = picker.visibleItems[row == 0 ? 1 : row - 1]
        let next = Self.boxText(state.render(rows: 40, columns: 140))
        #expect(next.contains(other.explanation.joined(separator: " ")))
    }
}
