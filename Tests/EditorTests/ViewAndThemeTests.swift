import BCDKit
import Foundation
import Testing
@testable import BCDEditor

@Suite("Editor view, keys and themes") struct ViewAndThemeTests {
    @Test func wideCharactersTakeTwoColumns() {
        #expect(TextWidth.of("Windows 安装") == 12)
        #expect(TextWidth.of("Установка") == 9)
        #expect(TextWidth.clip("安装安装", to: 5) == "安装")
        #expect(TextWidth.fit("安", to: 3) == "安 ")
    }

    @Test func textFieldEditsByCharacter() {
        var field = TextField("Windows 安装")
        field.handle(.backspace)
        #expect(field.text == "Windows 安")
        field.handle(.home)
        field.handle(.character("Я"))
        #expect(field.text == "ЯWindows 安")
        field.handle(.delete)
        #expect(field.text == "Яindows 安")
        let visible = field.visible(width: 40)
        #expect(visible.cursorColumn == 1)
    }

    @Test func tooSmallTerminalSaysSo() throws {
        let state = try EditorFixtures.state()
        let screen = state.render(rows: 8, columns: 40)
        #expect(screen.contains("Terminal too small"))
        #expect(!screen.contains("Boot Manager"))
    }

    @Test func rawViewShowsIdsTypesAndBytes() throws {
        var state = try EditorFixtures.state()
        state.press(.character("v"))
        let screen = state.render()
        #expect(screen.contains("0x12000004  string (string"))
        #expect(screen.contains("[raw view]"))
    }

    @Test func everyActionHasAKeyAndHelp() throws {
        let bound = Set(KeyMap.bindings.map(\.action))
        #expect(bound == Set(EditorAction.allCases))
        var state = try EditorFixtures.state()
        state.press(.character("?"))
        let screen = state.render()
        for binding in KeyMap.bindings { #expect(screen.contains(binding.help), "help lacks \(binding.help)") }
        state.press(.character("x"))
        #expect(!state.showHelp)
        #expect(state.currentObject != nil)
    }

    @Test func helpOnAnEightyByTwentyFourScreenScrollsInsteadOfClipping() throws {
        var state = try EditorFixtures.state()
        state.screenSize = (rows: 24, columns: 80)
        state.press(.character("?"))
        var seen = state.render(rows: 24, columns: 80)
        #expect(seen.contains("↑↓ PgUp PgDn scroll"))
        #expect(!seen.contains(KeyMap.dialogHelp.last!.1), "the last entry is below the first page")
        for _ in 0..<6 {
            state.press(.pageDown)
            seen += state.render(rows: 24, columns: 80)
        }
        #expect(state.showHelp, "scroll keys keep the help open")
        for binding in KeyMap.bindings { #expect(seen.contains(binding.help), "help lacks \(binding.help) at 80x24") }
        for entry in KeyMap.dialogHelp { #expect(seen.contains(entry.1)) }
        state.press(.up)
        #expect(state.helpScroll == HelpView.lines().count - 20 - 1, "one up from the clamped last page")
        state.press(.character("x"))
        #expect(!state.showHelp)
        #expect(state.helpScroll == 0)
    }

    @Test func dialogKeysComeFromTheKeyMapAndTheHelpListsThem() throws {
        // The same letter means different things per dialog: k types in a picker, moves in a list.
        #expect(KeyMap.dialogAction(for: .character("k"), in: .picker) == nil)
        #expect(KeyMap.dialogAction(for: .character("k"), in: .list) == .previous)
        #expect(KeyMap.dialogAction(for: .pageDown, in: .picker) == .pageForward)
        #expect(KeyMap.dialogAction(for: .pageDown, in: .list) == nil)
        for kind in DialogKind.allCases {
            #expect(KeyMap.dialogAction(for: .escape, in: kind) == .cancel)
            #expect(KeyMap.dialogAction(for: .enter, in: kind) == .accept)
        }
        var state = try EditorFixtures.state()
        state.press(.character("?"))
        let screen = state.render()
        for binding in KeyMap.dialogBindings {
            #expect(screen.contains(binding.label + " "), "help lacks \(binding.label)")
            #expect(screen.contains(binding.help), "help lacks \(binding.help)")
        }
    }

    @Test func bundledThemesParse() throws {
        let directory = EditorFixtures.repositoryRoot.appendingPathComponent("Themes").path
        let catalog = ThemeCatalog.load(environment: ["BCD_THEMES_DIR": directory])
        #expect(catalog.problems.isEmpty)
        #expect(catalog.names == ["default-dark", "light", "high-contrast", "monochrome"])
        let dark = try #require(catalog.theme(named: "default-dark"))
        #expect(dark.style(.selected).background == 6)
        #expect(catalog.theme(named: "monochrome")?.style(.selected).reverse == true)
        #expect(catalog.theme(named: "monochrome")?.styles.values.allSatisfy { $0.foreground == nil && $0.background == nil } == true)
    }

    @Test func userThemesAddAndReplace() throws {
        let config = try EditorFixtures.scratch()
        let themes = config.appendingPathComponent("bcd/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "name = \"solar\"\n[styles]\nnormal = { fg = 136, bg = \"bright-black\" }\n".write(
            to: themes.appendingPathComponent("solar.toml"), atomically: true, encoding: .utf8)
        try "name = \"broken\"\n[styles]\nnormal = { fg = \"mauve\" }\n".write(
            to: themes.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog.load(environment: [
            "BCD_THEMES_DIR": EditorFixtures.repositoryRoot.appendingPathComponent("Themes").path,
            "XDG_CONFIG_HOME": config.path,
        ])
        #expect(catalog.names.last == "solar")
        #expect(catalog.theme(named: "solar")?.style(.normal).foreground == 136)
        #expect(catalog.theme(named: "solar")?.style(.normal).background == 8)
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.contains("unknown colour") == true)
    }

    @Test func themeKeyCycles() throws {
        var state = try EditorFixtures.state()
        #expect(state.themeName == "default-dark")
        state.press(.character("t"))
        #expect(state.themeName == "light")
        state.press(.character("t"))
        #expect(state.themeName == "default-dark")
    }
}
