/// The edits bcdedit's verbs make, as operations on a store value. The CLI and the editor
/// both call these, so a change made either way is the same change.
extension BCDStore {
    /// Creates an object (a new random id unless one is given) with a description.
    @discardableResult
    public mutating func createObject(id requested: String?, type: ObjectType?, description: String?) throws(EditError) -> BCDGUID {
        let id = try requested.map { (text: String) throws(EditError) -> BCDGUID in try ObjectNames.resolve(text, in: nil) } ?? BCDGUID.random()
        guard !contains(id) else { throw .objectExists(ObjectNames.alias(for: id) ?? id.braced) }
        guard let objectType = type ?? ObjectTemplates.wellKnownType(id) else {
            throw .usage("say what to create: --application TYPE, --inherit [TYPE] or --device")
        }
        var object = BCDObject(id: id, type: objectType)
        if let description { object.set(ElementIDs.description, .string(description)) }
        add(object)
        return id
    }

    /// Copies an object under a new id with a new description (bcdedit /copy).
    public mutating func copyObject(_ text: String, description: String) throws(EditError) -> BCDGUID {
        var copy = try ObjectNames.existing(text, in: self)
        copy.id = BCDGUID.random()
        copy.set(ElementIDs.description, .string(description))
        add(copy)
        return copy.id
    }

    /// Deletes an object. With `cleanup` (bcdedit's default) every reference to it goes too:
    /// list entries are removed and single references (default, resumeobject...) deleted.
    /// Well-known objects need `force`, as in bcdedit.
    public mutating func deleteObject(_ text: String, cleanup: Bool, force: Bool) throws(EditError) {
        let object = try ObjectNames.existing(text, in: self)
        if ObjectNames.alias(for: object.id) != nil && !force {
            throw .usage("\(text) is a well-known object: add --f to delete it anyway")
        }
        remove(object.id)
        if cleanup { removeReferences(to: object.id) }
    }

    public mutating func removeReferences(to id: BCDGUID) {
        for (ownerID, elementType) in references(to: id) {
            guard var owner = self[ownerID], let element = owner[elementType] else { continue }
            switch element.value {
            case .objectList(let list)?: owner.set(elementType.rawValue, .objectList(list.filter { $0 != id }))
            case .object?: owner.remove(elementType)
            default: continue   // a device's options reference stays: the device would change meaning
            }
            self[ownerID] = owner
        }
    }

    /// Sets an element from command-line words (bcdedit /set).
    public mutating func setElement(object text: String, element name: String, words: [String]) throws(EditError) {
        let object = try ObjectNames.existing(text, in: self)
        let type = try ElementNames.resolve(name, in: object.type, objectName: text)
        let value = try ValueParser(store: self).parse(words, for: type, in: object, elementName: name)
        try setElement(type, to: value, in: object.id)
    }

    /// Sets an element to a typed value (the editor's path: its dialogs build the value). The
    /// value must be of the element's format (the id's bits 24-27).
    public mutating func setElement(_ type: ElementType, to value: ElementValue, in id: BCDGUID) throws(EditError) {
        guard var object = self[id] else { throw .unknownObject(ObjectNames.alias(for: id) ?? id.braced) }
        guard type.format == value.format else {
            throw .invalidValue(element: ElementNames.name(for: type, in: object.type), value: value.format.name,
                                expected: "a \(type.format?.name ?? "known") value")
        }
        object.set(BCDElement(type: type, value: value))
        self[id] = object
    }

    /// Deletes an element (bcdedit /deletevalue).
    public mutating func deleteElement(object text: String, element name: String) throws(EditError) {
        let object = try ObjectNames.existing(text, in: self)
        let type = try ElementNames.resolve(name, in: object.type, objectName: text)
        try deleteElement(type, in: object.id, naming: (object: text, element: name))
    }

    /// Deletes an element by type; errors name the object and element as `naming` says (as the
    /// user typed them), else by alias and catalog name.
    public mutating func deleteElement(_ type: ElementType, in id: BCDGUID,
                                       naming: (object: String, element: String)? = nil) throws(EditError) {
        let objectName = naming?.object ?? ObjectNames.alias(for: id) ?? id.braced
        guard var object = self[id] else { throw .unknownObject(objectName) }
        guard object.remove(type) != nil else {
            throw .missingElement(name: naming?.element ?? ElementNames.name(for: type, in: object.type), object: objectName)
        }
        self[id] = object
    }

    public enum ListEdit: Sendable { case replace, addFirst, addLast, remove }

    /// Edits an object list of the boot manager: displayorder, toolsdisplayorder, bootsequence.
    public mutating func editBootManagerList(_ elementID: UInt32, ids texts: [String], mode: ListEdit,
                                             manager managerID: BCDGUID = ObjectNames.bootManager) throws(EditError) {
        guard var manager = self[managerID] else { throw .unknownObject(ObjectNames.alias(for: managerID) ?? managerID.braced) }
        var ids: [BCDGUID] = []
        for text in texts {
            let id = try ObjectNames.resolve(text, in: self)
            guard contains(id) || mode == .remove else { throw .unknownObject(text) }
            ids.append(id)
        }
        var list: [BCDGUID] = []
        if case .objectList(let existing)? = manager.value(elementID) { list = existing }
        switch mode {
        case .replace: list = ids
        case .addFirst: list = ids + list.filter { !ids.contains($0) }
        case .addLast: list = list.filter { !ids.contains($0) } + ids
        case .remove: list = list.filter { !ids.contains($0) }
        }
        manager.set(elementID, .objectList(list))
        self[managerID] = manager
    }

    /// Sets the boot manager's default entry (bcdedit /default).
    public mutating func setDefault(_ text: String) throws(EditError) {
        let id = try ObjectNames.existing(text, in: self).id
        guard var manager = self[ObjectNames.bootManager] else { throw .unknownObject("{bootmgr}") }
        manager.set(ElementIDs.defaultObject, .object(id))
        self[manager.id] = manager
    }

    /// Sets the boot manager's menu timeout in seconds (bcdedit /timeout).
    public mutating func setTimeout(_ seconds: UInt64) throws(EditError) {
        guard var manager = self[ObjectNames.bootManager] else { throw .unknownObject("{bootmgr}") }
        manager.set(ElementIDs.timeout, .integer(seconds))
        self[manager.id] = manager
    }
}
