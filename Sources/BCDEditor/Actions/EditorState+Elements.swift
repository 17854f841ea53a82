import BCDKit

/// Adding and deleting elements (the value editors are in ValueEditors/).
extension EditorState {
    @discardableResult
    mutating func deleteElement(_ type: ElementType, in objectID: BCDGUID) -> Bool {
        guard let object = store[objectID] else { return false }
        let name = elementName(type, in: object)
        return change("deleted \(ObjectListing.identifier(object)) \(name)") { store in
            try store.deleteElement(type, in: objectID)
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

