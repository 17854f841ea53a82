import BCDKit

/// One element being edited: what every value editor needs to ask for the value and set it.
struct ElementEdit {
    let type: ElementType
    let object: BCDObject
    /// bcdedit's name for the element in this object.
    let name: String
    /// The element as it is now (nil: about to be added).
    let element: BCDElement?

    var objectID: BCDGUID { object.id }
    /// The dialog title: the object's identifier and the element's name.
    var title: String { "\(ObjectListing.identifier(object)) \(name)" }
    var current: ElementValue? { element?.value }
    /// The catalog's word on the element (choices, integer display and range).
    var definition: ElementDefinition? { ElementNames.definition(for: type, in: object.type) }
    var integerTraits: IntegerTraits { ElementNames.integerTraits(for: type, in: object.type) }
}

/// Opens the value editor for an element's format (one file per editor in ValueEditors/) and
/// sets what it builds.
extension EditorState {
    func elementName(_ type: ElementType, in object: BCDObject) -> String {
        ElementNames.name(for: type, in: object.type)
    }

    mutating func editCurrentElement() {
        guard let object = currentObject, let element = currentElement else { return fail("no element selected: a adds one") }
        beginEdit(element.type, in: object.id)
    }

    /// Opens the editor for an element (present or about to be added).
    mutating func beginEdit(_ type: ElementType, in objectID: BCDGUID) {
        guard let object = store[objectID] else { return }
        if readOnly { return fail("read-only: \(file.path) has no write permission; changes are off") }
        let edit = ElementEdit(type: type, object: object, name: elementName(type, in: object), element: object[type])
        if edit.element != nil && edit.current == nil {
            return fail("\(edit.name): this value does not decode (raw view shows its bytes); delete and re-add it to replace it")
        }
        guard let format = type.format else { return fail("\(edit.name): unknown value format, cannot edit") }
        switch format {
        case .string: editText(edit)
        case .boolean: toggleBoolean(edit)
        case .integer:
            if let choices = edit.definition?.choices, !choices.isEmpty {
                pickChoice(edit, from: choices)
            } else if edit.integerTraits.display == .ipv4 {
                editIPv4Address(edit)
            } else {
                editInteger(edit)
            }
        case .integerList: editIntegerList(edit)
        case .object: pickObject(edit)
        case .objectList: editObjectList(edit)
        case .device:
            var device: DeviceElement?
            if case .device(let value)? = edit.current { device = value }
            startDeviceWizard(type, in: objectID, current: device)
        }
    }

    /// Sets an element to the value its editor built, as one undoable change; false when the
    /// store refuses it (the reason is on the message line).
    @discardableResult
    mutating func setElement(_ type: ElementType, to value: ElementValue, in objectID: BCDGUID) -> Bool {
        guard let object = store[objectID] else { return false }
        let ok = change("set \(ObjectListing.identifier(object)) \(elementName(type, in: object))") { store in
            try store.setElement(type, to: value, in: objectID)
        }
        if ok { selectElement(type) }
        return ok
    }
}
