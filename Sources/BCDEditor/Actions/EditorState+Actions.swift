import BCDKit

/// What each main-screen action does.
extension EditorState {
    public mutating func perform(_ action: EditorAction) {
        switch action {
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -15)
        case .pageDown: moveSelection(by: 15)
        case .first: moveSelection(by: -1_000_000)
        case .last: moveSelection(by: 1_000_000)
        case .switchPane: focus = focus == .objects ? .elements : .objects
        case .focusObjects: focus = .objects
        case .focusElements: if currentObject != nil { focus = .elements }
        case .edit:
            if focus == .objects { if currentObject != nil { focus = .elements } } else { editCurrentElement() }
        case .addElement: addElement()
        case .deleteElement: focus == .objects ? deleteObject() : deleteCurrentElement()
        case .newObject: newObject()
        case .copyObject: copyObject()
        case .deleteObject: deleteObject()
        case .setDefault: setDefault()
        case .moveUpInOrder: moveInDisplayOrder(by: -1)
        case .moveDownInOrder: moveInDisplayOrder(by: 1)
        case .undo: undo()
        case .redo: redo()
        case .save: save()
        case .quit: requestQuit()
        case .toggleRaw:
            rawView.toggle()
            inform(rawView ? "raw view: element ids, value types and bytes (v returns)" : "named view")
        case .search:
            filterField = TextField(filter)
        case .clearSearch:
            if !filter.isEmpty { filter = ""; fixSelection(); inform("filter cleared") } else { message = nil }
        case .help: showHelp = true
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            inform("theme: \(themeName)")
        case .diagnostics: showDiagnostics()
        case .attachedFiles: showAttachedFiles()
        case .testBoot: requestBoot()
        case .testBootOnConsole: requestBoot(onConsole: true)
        case .testBootOverHTTP: requestBoot(mode: .http)
        case .cycleSecureBoot: cycleSecureBoot()
        case .cycleFirmware: cycleFirmware()
        }
    }

    mutating func requestQuit() {
        guard isDirty else { quit = true; return }
        push(.confirm(Confirm(title: "Unsaved changes", lines: ["\(file.path) has unsaved changes."], choices: [
            Confirm.Choice("s", "save and quit") { state in
                state.save()
                if !state.isDirty { state.quit = true }
            },
            Confirm.Choice("q", "quit without saving") { state in state.quit = true },
            Confirm.Choice("c", "cancel (keep editing)") { state in state.inform("still editing") },
        ])))
    }

    func objectName(_ id: BCDGUID) -> String {
        guard let object = store[id] else { return ObjectNames.alias(for: id) ?? id.braced }
        return "\(ObjectListing.identifier(object)) \(ObjectListing.label(object))"
    }

    /// A picker over the store's objects (for object values, list entries, options objects).
    func objectPicker(title: String, excluding: Set<BCDGUID> = [], only: ((BCDObject) -> Bool)? = nil,
                      selected: BCDGUID? = nil, onPick: @escaping DialogCompletion) -> Picker {
        let items = store.objects.filter { !excluding.contains($0.id) && (only?($0) ?? true) }.map { object in
            Picker.Item(ObjectListing.label(object), detail: ObjectListing.identifier(object), value: object.id.braced)
        }
        return Picker(title: title, items: items, selectedValue: selected?.braced, onPick: onPick)
    }

    // MARK: objects

    mutating func newObject() {
        if readOnly { return fail("read-only: \(file.path) has no write permission; changes are off") }
        let items = EntryTemplate.allCases.map { Picker.Item($0.title, value: $0.rawValue) }
        push(.picker(Picker(title: "New object from template", items: items) { state, value in
            guard let template = EntryTemplate(rawValue: value) else { return nil }
            if template == .bootManager {
                state.createFromTemplate(template, description: template.defaultDescription, file: nil)
                return nil
            }
            state.push(.text(TextPrompt(title: "\(template.title): description", initial: template.defaultDescription) { state, description in
                switch template {
                case .winPERamdisk, .vhdBoot:
                    let initial = template == .winPERamdisk ? "\\Boot\\boot.wim" : "\\windows.vhdx"
                    let what = template == .winPERamdisk ? "WIM file on the boot device" : "VHD file (found by locate)"
                    state.push(.text(TextPrompt(title: "\(template.title): \(what)", hint: "a path starting with \\", initial: initial) { state, path in
                        guard path.hasPrefix("\\") else { return "the path must start with \\" }
                        state.createFromTemplate(template, description: description, file: path)
                        return nil
                    }))
                default:
                    state.createFromTemplate(template, description: description, file: nil)
                }
                return nil
            }))
            return nil
        }))
    }

    mutating func createFromTemplate(_ template: EntryTemplate, description: String, file: String?) {
        var created: BCDGUID?
        let reuses = template == .winPERamdisk && store.contains(ObjectNames.ramdiskOptions)
        let ok = change("new \(template.title)") { store in
            created = try store.createEntry(template, description: description, file: file)
        }
        if ok, let created {
            select(created)
            focus = .objects
            inform("created \(objectName(created))" + (template == .winPERamdisk ? (reuses ? " (reusing {ramdiskoptions})" : " and {ramdiskoptions}") : ""))
        }
    }

    mutating func copyObject() {
        if readOnly { return fail("read-only: \(file.path) has no write permission; changes are off") }
        guard let object = currentObject else { return fail("no object selected") }
        push(.text(TextPrompt(title: "Copy \(ObjectListing.identifier(object)): description of the copy",
                              initial: "Copy of " + ObjectListing.label(object)) { state, description in
            var created: BCDGUID?
            if state.change("copy \(ObjectListing.identifier(object))", { store in
                created = try store.copyObject(object.id.braced, description: description)
            }), let created {
                state.select(created)
                state.inform("copied to \(created.braced)")
            }
            return nil
        }))
    }

    mutating func deleteObject() {
        if readOnly { return fail("read-only: \(file.path) has no write permission; changes are off") }
        guard let object = currentObject else { return fail("no object selected") }
        let name = objectName(object.id)
        let references = store.references(to: object.id).filter { $0.object != object.id }
        let deleteWith: (Bool) -> (inout EditorState) -> Void = { cleanup in
            { state in
                state.change("deleted \(name)") { store in try store.deleteObject(object.id.braced, cleanup: cleanup, force: true) }
            }
        }
        if references.isEmpty {
            push(.confirm(Confirm(title: "Delete object", lines: ["Delete \(name)?"], choices: [
                Confirm.Choice("y", "delete", action: deleteWith(false)),
                Confirm.Choice("n", "keep it") { state in state.inform("not deleted") },
            ])))
        } else {
            var lines = ["Warning: \(name) is still referenced by:"]
            for reference in references {
                let owner = store[reference.object]
                let element = owner.map { ElementNames.name(for: reference.element, in: $0.type) } ?? reference.element.keyName
                lines.append("  \(ObjectNames.alias(for: reference.object) ?? reference.object.braced) \(element)")
            }
            push(.confirm(Confirm(title: "Delete referenced object", lines: lines, choices: [
                Confirm.Choice("c", "delete and clean the references", action: deleteWith(true)),
                Confirm.Choice("k", "delete, keep the references", action: deleteWith(false)),
                Confirm.Choice("n", "do not delete") { state in state.inform("not deleted") },
            ])))
        }
    }

    mutating func setDefault() {
        guard let object = currentObject else { return fail("no object selected") }
        change("default is now \(objectName(object.id))") { store in try store.setDefault(object.id.braced) }
    }

    /// Moves the selected entry within {bootmgr}'s displayorder (or toolsdisplayorder).
    mutating func moveInDisplayOrder(by offset: Int) {
        guard let object = currentObject else { return fail("no object selected") }
        guard let manager = store[ObjectNames.bootManager] else { return fail("the store has no {bootmgr}") }
        for listID in [ElementIDs.displayOrder, ElementIDs.toolsDisplayOrder] {
            guard case .objectList(var ids)? = manager.value(listID), let index = ids.firstIndex(of: object.id) else { continue }
            let target = index + offset
            guard ids.indices.contains(target) else { return inform("already \(offset < 0 ? "first" : "last") in the display order") }
            ids.swapAt(index, target)
            let listName = listID == ElementIDs.displayOrder ? "displayorder" : "toolsdisplayorder"
            // The whole list is set at once (editBootManagerList would resolve every entry
            // by name again, which is slow for 1,000-entry lists).
            change("moved \(objectName(object.id)) \(offset < 0 ? "up" : "down") in \(listName)") { store in
                try store.setElement(ElementType(rawValue: listID), to: .objectList(ids), in: manager.id)
            }
            return
        }
        fail("\(objectName(object.id)) is not in {bootmgr}'s display order")
    }
}
