import BCDKit
import Foundation
import Testing
@testable import BCDEditor

@Suite("Editor model") struct EditorStateTests {
    @Test func groupsObjectsAsAPersonThinksOfThem() throws {
        let state = try EditorFixtures.state()
        let headings = state.objectRows.compactMap { row -> String? in
            if case .heading(let group, _) = row { return group.rawValue } else { return nil }
        }
        #expect(headings == ["Boot Manager", "Boot Loaders", "Ramdisk/Device Options", "Settings", "Firmware entries"])
        #expect(state.selectedObject == ObjectNames.bootManager)
        let screen = state.render()
        #expect(screen.contains("Windows Boot Manager                {bootmgr}"))
        #expect(screen.contains("displayorder            {default}"))
    }

    @Test func editsADescriptionWithNonASCIITextAndUndoesIt() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.windows10)
        let found = state.selectElement(named: "description"); #expect(found)
        state.press(.enter, .control("u"))
        state.type("Установка Windows")
        state.press(.left, .left, .backspace)   // cursor editing by character
        state.type("o")                           // back to "Windows"
        state.press(.end)
        state.type(" 安装")
        state.press(.enter)
        let text = state.store[EditorFixtures.windows10]?.descriptionText
        #expect(text == "Установка Windows 安装")
        #expect(state.isDirty)
        #expect(state.render().contains("Установка Windows 安装"))
        state.press(.character("u"))
        #expect(state.store[EditorFixtures.windows10]?.descriptionText == "Windows 10")
        #expect(!state.isDirty)
        state.press(.character("r"))
        #expect(state.store[EditorFixtures.windows10]?.descriptionText == "Установка Windows 安装")
    }

    @Test func togglesABoolean() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.windows10)
        let found = state.selectElement(named: "isolatedcontext"); #expect(found)
        state.press(.enter)
        #expect(state.store[EditorFixtures.windows10]?.value(0x2600_00B8) == .boolean(false) ||
                state.currentElement?.value == .boolean(false))
        state.press(.enter)
        #expect(state.currentElement?.value == .boolean(true))
    }

    @Test func integerEditorChecksTheRange() throws {
        var state = try EditorFixtures.state()
        let found = state.selectElement(named: "timeout"); #expect(found)
        state.press(.enter, .control("u"))
        state.type("soon")
        state.press(.enter)
        guard case .text(let prompt)? = state.dialogs.last else { Issue.record("the prompt closed"); return }
        #expect(prompt.error?.contains("not a whole number") == true)
        state.press(.control("u"))
        state.type("99999999999")
        state.press(.enter)
        guard case .text(let again)? = state.dialogs.last else { Issue.record("the prompt closed"); return }
        #expect(again.error?.contains("out of range") == true)
        state.press(.control("u"))
        state.type("5")
        state.press(.enter)
        #expect(state.dialogs.isEmpty)
        #expect(state.store[ObjectNames.bootManager]?.value(ElementIDs.timeout) == .integer(5))
    }

    @Test func namedChoicesComeFromTheCatalog() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.windows10)
        let found = state.selectElement(named: "bootmenupolicy"); #expect(found)
        state.press(.enter)
        guard case .picker(let picker)? = state.dialogs.last else { Issue.record("no picker"); return }
        #expect(picker.items.map(\.label) == ["Legacy", "Standard"])
        state.type("legacy")
        state.press(.enter)
        #expect(state.store[EditorFixtures.windows10]?.value(0x2500_00C2) == .integer(0))
    }

    @Test func winPETemplateCreatesOrReusesRamdiskOptions() throws {
        var state = try EditorFixtures.state()
        state.press(.character("n"))
        state.press(.enter)                 // WinPE ramdisk entry
        state.press(.enter)                 // description: default
        state.press(.enter)                 // \Boot\boot.wim
        let options = try #require(state.store[ObjectNames.ramdiskOptions])
        #expect(options.value(ElementIDs.ramdiskSdiPath) == .string("\\Boot\\boot.sdi"))
        let created = try #require(state.selectedObject)
        let loader = try #require(state.store[created])
        #expect(loader.type == .osLoader)
        #expect(loader.descriptionText == "winpe boot image")
        #expect(loader.value(ElementIDs.winPE) == .boolean(true))
        #expect(loader.value(ElementIDs.detectHal) == .boolean(true))
        #expect(loader.value(ElementIDs.systemRoot) == .string("\\Windows"))
        let formatter = ValueFormatter(store: state.store, verbose: false)
        #expect(formatter.lines(for: loader[ElementType(rawValue: ElementIDs.osDevice)]!, in: loader) == ["ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}"])
        guard case .objectList(let order)? = state.store[ObjectNames.bootManager]?.value(ElementIDs.displayOrder) else { Issue.record("no displayorder"); return }
        #expect(order.last == created)
        // A second entry reuses {ramdiskoptions}.
        let before = state.store.objects.count
        state.press(.character("n"), .enter, .enter, .enter)
        #expect(state.store.objects.count == before + 1)
        #expect(state.message?.text.contains("reusing {ramdiskoptions}") == true)
        // One undo step per template.
        state.press(.character("u"), .character("u"))
        #expect(!state.isDirty)
    }

    @Test func reordersTheDisplayOrder() throws {
        var state = try EditorFixtures.state()
        state.press(.character("n"), .enter, .enter, .enter)
        let created = try #require(state.selectedObject)
        state.press(.character("["))
        #expect(state.store[ObjectNames.bootManager]?.value(ElementIDs.displayOrder) == .objectList([created, EditorFixtures.windows10]))
        state.press(.character("["))
        #expect(state.message?.text.contains("already first") == true)
        state.press(.character("]"))
        #expect(state.store[ObjectNames.bootManager]?.value(ElementIDs.displayOrder) == .objectList([EditorFixtures.windows10, created]))
    }

    @Test func objectListEditorReordersAddsAndRemoves() throws {
        var state = try EditorFixtures.state()
        let found = state.selectElement(named: "toolsdisplayorder"); #expect(found)
        state.press(.enter)
        guard case .list(let list)? = state.dialogs.last else { Issue.record("no list editor"); return }
        #expect(list.items == [EditorFixtures.memdiag])
        state.press(.character("a"))
        state.type("windows 10")
        state.press(.enter)                 // back in the list editor with two entries
        state.press(.character("["))        // move the new one first
        state.press(.enter)
        #expect(state.store[ObjectNames.bootManager]?.value(ElementIDs.toolsDisplayOrder) == .objectList([EditorFixtures.windows10, EditorFixtures.memdiag]))
        state.press(.enter, .character("x"), .enter)
        #expect(state.store[ObjectNames.bootManager]?.value(ElementIDs.toolsDisplayOrder) == .objectList([EditorFixtures.memdiag]))
    }

    @Test func deletingAReferencedObjectWarnsAndCleans() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.memdiag)
        state.press(.character("D"))
        guard case .confirm(let confirm)? = state.dialogs.last else { Issue.record("no warning"); return }
        #expect(confirm.lines.first?.contains("still referenced") == true)
        #expect(confirm.lines.contains { $0.contains("{bootmgr} toolsdisplayorder") })
        #expect(state.render().contains("Warning"))
        state.press(.character("c"))
        #expect(state.store[EditorFixtures.memdiag] == nil)
        #expect(state.store[ObjectNames.bootManager]?.value(ElementIDs.toolsDisplayOrder) == .objectList([]))
        state.press(.character("u"))
        #expect(state.store[EditorFixtures.memdiag] != nil)
        #expect(!state.isDirty)
    }

    @Test func addsOnlyValidElementsSearchably() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.windows10)
        state.press(.character("a"))
        guard case .picker(let picker)? = state.dialogs.last else { Issue.record("no picker"); return }
        let names = Set(picker.items.map(\.label))
        #expect(names.contains("winpe"))
        #expect(!names.contains("description"))          // already present
        #expect(!names.contains("displayorder"))         // a boot manager element
        state.type("winp")
        state.press(.enter)                               // boolean: added as yes
        #expect(state.store[EditorFixtures.windows10]?.value(ElementIDs.winPE) == .boolean(true))
        state.press(.character("x"))
        #expect(state.store[EditorFixtures.windows10]?.value(ElementIDs.winPE) == nil)
    }

    @Test func hostAddressesAreTypedAndShownDotted() throws {
        var state = try EditorFixtures.state()
        let debugger = try ObjectNames.resolve("{dbgsettings}", in: state.store)
        state.select(debugger)
        state.press(.character("a"))
        state.type("hostip")
        state.press(.enter)
        guard case .text? = state.dialogs.last else { Issue.record("no address prompt"); return }
        #expect(state.render().contains("IPv4 address"))
        state.type("10.0.0.300")
        state.press(.enter)
        #expect(!state.dialogs.isEmpty, "a bad address keeps the prompt open")
        #expect(state.render().contains("not an IPv4 address"))
        state.press(.control("u"))
        state.type("10.0.0.2")
        state.press(.enter)
        #expect(state.dialogs.isEmpty)
        let hostip = try ElementNames.resolve("hostip", in: try #require(state.store[debugger]).type, objectName: "{dbgsettings}")
        #expect(state.store[debugger]?.value(hostip.rawValue) == .integer(0x0200_000a))
        #expect(state.render().contains("10.0.0.2"))
    }

    @Test func deviceWizardBuildsARamdiskValue() throws {
        var state = try EditorFixtures.state()
        state.press(.character("n"), .enter, .enter, .enter)     // makes {ramdiskoptions}
        state.select(EditorFixtures.windows10)
        let found = state.selectElement(named: "device"); #expect(found)
        state.press(.enter)
        state.type("ramdisk")
        state.press(.enter)                  // kind
        state.press(.enter)                  // parent: boot
        state.press(.control("u"))
        state.type("\\sources\\boot.wim")
        state.press(.enter)                  // path
        state.press(.enter)                  // options: {ramdiskoptions} preselected
        let object = try #require(state.store[EditorFixtures.windows10])
        let formatter = ValueFormatter(store: state.store, verbose: false)
        #expect(formatter.lines(for: object[ElementType(rawValue: ElementIDs.device)]!, in: object) == ["ramdisk=[boot]\\sources\\boot.wim,{ramdiskoptions}"])
    }

    @Test func setsTheDefault() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.memdiag)
        state.press(.character("d"))
        #expect(ObjectNames.defaultObject(in: state.store) == EditorFixtures.memdiag)
    }

    @Test func filterNarrowsTheObjectList() throws {
        var state = try EditorFixtures.state()
        state.press(.character("/"))
        state.type("memory diag")
        #expect(state.objectIDs == [EditorFixtures.memdiag])
        state.press(.enter)
        #expect(state.selectedObject == EditorFixtures.memdiag)
        state.press(.escape)
        #expect(state.objectIDs.count > 10)
    }

    @Test func saveRefusedWhenTheFileChangedOnDiskKeepsTheEdits() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.windows10)
        _ = state.selectElement(named: "description")
        state.press(.enter, .control("u"))
        state.type("Windows 安装")
        state.press(.enter)
        // Someone else writes the file.
        let other = try StoreFile.open(state.file.path)
        var changed = other.saved
        try changed.setTimeout(7)
        try other.save(changed)
        state.press(.character("s"))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("changed") == true)
        #expect(state.isDirty)
        #expect(state.store[EditorFixtures.windows10]?.descriptionText == "Windows 安装")
    }

    @Test func savesAndReopens() throws {
        var state = try EditorFixtures.state()
        state.select(EditorFixtures.windows10)
        _ = state.selectElement(named: "description")
        state.press(.enter, .control("u"))
        state.type("Windows 安装")
        state.press(.enter, .character("s"))
        #expect(!state.isDirty)
        #expect(try StoreFile.open(state.file.path).saved[EditorFixtures.windows10]?.descriptionText == "Windows 安装")
        #expect(FileManager.default.fileExists(atPath: state.file.path + ".bak"))
    }

    @Test func readOnlyFilesRefuseChanges() throws {
        let path = try EditorFixtures.copy("win10-esp-BCD")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        var state = EditorState(file: try StoreFile.open(path))
        #expect(state.readOnly)
        #expect(state.render().contains("[read-only]"))
        _ = state.selectElement(named: "timeout")
        state.press(.enter)
        #expect(state.dialogs.isEmpty)
        state.press(.character("d"))
        #expect(!state.isDirty)
        #expect(state.message?.text.contains("read-only") == true)
    }

    @Test func quitAsksWhenDirty() throws {
        var state = try EditorFixtures.state()
        state.press(.character("q"))
        #expect(state.quit)
        state = try EditorFixtures.state()
        state.select(EditorFixtures.memdiag)
        state.press(.character("d"), .character("q"))
        #expect(!state.quit)
        #expect(state.render().contains("Unsaved changes"))
        state.press(.character("c"))
        #expect(!state.quit)
        state.press(.character("q"), .character("q"))
        #expect(state.quit)
    }

    @Test func bootKeyStopsAtValidationErrorsUnlessForced() throws {
        var state = try EditorFixtures.state("win10-esp-BCD")
        state.change("remove {bootmgr}") { store in _ = store.remove(ObjectNames.bootManager) }
        let errors = state.diagnostics.filter { $0.severity == .error }
        try #require(!errors.isEmpty, "a store without {bootmgr} should not check clean")
        state.press(.character("b"))
        #expect(state.topDialog?.title == "Test boot stopped by validation")
        #expect(state.render().contains(errors[0].rule))
        state.press(.enter)
        #expect(state.bootRequest == nil)
        #expect(state.message?.isError == true)
        state.press(.character("b"), .character("F"))
        #expect(state.bootRequest == BootKeyRequest(force: true))
    }

    @Test func paneKeysOpenDiagnosticsFilesAndRequestTheBoot() throws {
        var state = try EditorFixtures.state()
        state.press(.character("g"))
        #expect(state.topDialog?.title.hasPrefix("Diagnostics: ") == true)
        state.press(.escape, .character("f"))
        #expect(state.topDialog?.title.hasPrefix("Attached files (") == true)
        state.press(.escape, .character("b"))
        #expect(state.bootRequest == BootKeyRequest(force: false))
        #expect(!state.render().contains("not available yet"))
        state.bootRequest = nil
        state.press(.character("N"))
        #expect(state.bootRequest == BootKeyRequest(force: false, mode: .http))
        #expect(state.message?.text.contains("over HTTP") == true)
    }
}
