import BCDKit

/// Editors per value type: text line, integer (range-checked), boolean toggle, named
/// choices, object picker, object-list editor, device wizard; add and delete elements.
extension EditorState {
    func elementName(_ type: ElementType, in object: BCDObject) -> String {
        ElementNames.name(for: type, in: object.type)
    }

    /// Sets an element of the selected object from bcdedit-style words (the CLI's parser).
    @discardableResult
    mutating func setValue(_ type: ElementType, words: [String], in objectID: BCDGUID) -> Bool {
        guard let object = store[objectID] else { return false }
        let name = elementName(type, in: object)
        let ok = change("set \(ObjectListing.identifier(object)) \(name)") { store in
            try store.setElement(object: objectID.braced, element: "custom:" + type.keyName, words: words)
        }
        if ok { selectElement(type) }
        return ok
    }

    mutating func editCurrentElement() {
        guard let object = currentObject, let element = currentElement else { return fail("no element selected: a adds one") }
        beginEdit(element.type, in: object.id)
    }

    /// Opens the editor for an element (present or about to be added).
    mutating func beginEdit(_ type: ElementType, in objectID: BCDGUID) {
        guard let object = store[objectID] else { return }
        if readOnly { return fail("read-only: \(file.path) has no write permission; changes are off") }
        let name = elementName(type, in: object)
        let element = object[type]
        if element != nil && element?.value == nil {
            return fail("\(name): this value does not decode (raw view shows its bytes); delete and re-add it to replace it")
        }
        let current = element?.value
        guard let format = type.format else { return fail("\(name): unknown value format, cannot edit") }
        let title = "\(ObjectListing.identifier(object)) \(name)"
        switch format {
        case .string:
            var initial = ""
            if case .string(let text)? = current { initial = text }
            push(.text(TextPrompt(title: title, hint: "text", initial: initial) { state, text in
                state.setValue(type, words: [text], in: objectID)
                return nil
            }))
        case .boolean:
            var flag = false
            if case .boolean(let value)? = current { flag = value }
            if element == nil { flag = false }
            setValue(type, words: [flag ? "no" : "yes"], in: objectID)
        case .integer:
            var number: UInt64 = 0
            if case .integer(let value)? = current { number = value }
            let choices = ElementNames.definition(for: type, in: object.type)?.choices ?? []
            if !choices.isEmpty {
                let items = choices.map { Picker.Item($0.name, detail: String($0.value), value: String($0.value)) }
                push(.picker(Picker(title: title, items: items, selectedValue: String(number)) { state, value in
                    state.setValue(type, words: [value], in: objectID)
                    return nil
                }))
            } else if ElementNames.isIPv4Address(type) {
                let initial = element.flatMap { ValueFormatter(store: store, verbose: false).lines(for: $0, in: object).first } ?? ""
                push(.text(TextPrompt(title: title, hint: "IPv4 address, e.g. 192.168.0.2", initial: initial) { state, text in
                    do throws(EditError) { _ = try ValueParser(store: state.store).parse([text], for: type, in: object, elementName: name) } catch { return error.description }
                    state.setValue(type, words: [text], in: objectID)
                    return nil
                }))
            } else {
                let range = IntegerRange.for(type)
                push(.text(TextPrompt(title: title, hint: "integer \(range.lowerBound)-\(range.upperBound) (decimal, or 0x hex)",
                                      initial: element == nil ? "" : String(number)) { state, text in
                    guard let value = IntegerRange.parse(text) else { return "'\(text)' is not a whole number (decimal or 0x hex)" }
                    guard range.contains(value) else { return "\(value) is out of range \(range.lowerBound)-\(range.upperBound)" }
                    state.setValue(type, words: [String(value)], in: objectID)
                    return nil
                }))
            }
        case .integerList:
            var initial = ""
            if case .integerList(let values)? = current { initial = values.map { "0x" + String($0, radix: 16) }.joined(separator: " ") }
            push(.text(TextPrompt(title: title, hint: "numbers separated by spaces", initial: initial) { state, text in
                let words = text.split(separator: " ").map(String.init)
                guard words.allSatisfy({ IntegerRange.parse($0) != nil }) else { return "give whole numbers separated by spaces" }
                state.setValue(type, words: words, in: objectID)
                return nil
            }))
        case .object:
            var selected: BCDGUID?
            if case .object(let id)? = current { selected = id }
            push(.picker(objectPicker(title: title, excluding: [], selected: selected) { state, value in
                state.setValue(type, words: [value], in: objectID)
                return nil
            }))
        case .objectList:
            var items: [BCDGUID] = []
            if case .objectList(let ids)? = current { items = ids }
            push(.list(ListEditor(title: title, items: items) { state, ids in
                if ids.isEmpty && type.rawValue != ElementIDs.displayOrder && type.rawValue != ElementIDs.toolsDisplayOrder {
                    return state.deleteElement(type, in: objectID) ? nil : "could not empty the list"
                }
                guard let object = state.store[objectID] else { return nil }
                let ok = state.change("set \(ObjectListing.identifier(object)) \(name)") { store in
                    var copy = object
                    copy.set(type.rawValue, .objectList(ids))
                    store[objectID] = copy
                }
                if ok { state.selectElement(type) }
                return nil
            }))
        case .device:
            var device: DeviceElement?
            if case .device(let value)? = current { device = value }
            startDeviceWizard(type, in: objectID, current: device)
        }
    }

    @discardableResult
    mutating func deleteElement(_ type: ElementType, in objectID: BCDGUID) -> Bool {
        guard let object = store[objectID] else { return false }
        let name = elementName(type, in: object)
        return change("deleted \(ObjectListing.identifier(object)) \(name)") { store in
            try store.deleteElement(object: objectID.braced, element: "custom:" + type.keyName)
        }
    }

    mutating func deleteCurrentElement() {
        guard let object = currentObject, let element = currentElement else { return fail("no element selected") }
        deleteElement(element.type, in: object.id)
    }

    /// Lists the elements valid for the object's type that it does not have yet.
    mutating func addElement() {
        guard let object = currentObject else { return fail("no object selected") }
        if readOnly { return fail("read-only: \(file.path) has no write permission; changes are off") }
        let present = Set(object.elements.map(\.type.rawValue))
        var seen = Set<UInt32>()
        let items = ElementNames.definitions(for: object.type).filter { definition in
            !present.contains(definition.id) && seen.insert(definition.id).inserted
        }.map { definition in
            Picker.Item(definition.name, detail: ElementType(rawValue: definition.id).format?.name ?? "", value: String(definition.id))
        }
        push(.picker(Picker(title: "Add element to \(ObjectListing.identifier(object)) (type to search)", items: items) { state, value in
            guard let raw = UInt32(value) else { return nil }
            state.focus = .elements
            state.beginEdit(ElementType(rawValue: raw), in: object.id)
            return nil
        }))
    }
}

/// Integer ranges for the integer editor: the element's width where bcdedit documents one.
enum IntegerRange {
    static func `for`(_ type: ElementType) -> ClosedRange<UInt64> {
        switch type.rawValue {
        case ElementIDs.timeout: return 0...UInt64(UInt32.max)
        case 0x1500_0011, 0x1500_0013: return 0...UInt64(UInt32.max)   // debugport, baudrate
        default: return 0...UInt64.max
        }
    }

    static func parse(_ text: String) -> UInt64? {
        let lower = text.trimmingSpaces().lowercased()
        return lower.hasPrefix("0x") ? UInt64(lower.dropFirst(2), radix: 16) : UInt64(lower)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var copy = Substring(self)
        while copy.first == " " { copy.removeFirst() }
        while copy.last == " " { copy.removeLast() }
        return String(copy)
    }
}
