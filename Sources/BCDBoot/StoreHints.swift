import BCDKit

/// The store's own elements behind a boot manager status: the values to look at, from
/// {bootmgr}, the entry it boots and {ramdiskoptions}, in bcdedit's words.
public enum StoreHints {
    /// Element names (as bcdedit prints them) each status points at.
    static func elementNames(for status: UInt32) -> [String] {
        switch status {
        case 0xC000_000F: return ["path", "device", "osdevice", "ramdisksdidevice", "ramdisksdipath"]
        case 0xC000_000E: return ["device", "osdevice", "ramdisksdidevice", "ramdisksdipath"]
        case 0xC000_007B: return ["path", "systemroot"]
        case 0xC000_0225: return ["default", "displayorder", "device", "osdevice"]
        case 0xC000_0098: return ["device", "osdevice", "ramdisksdipath"]
        case 0xC000_0428: return ["path", "nointegritychecks", "testsigning"]
        default: return ["default", "device", "osdevice", "path"]
        }
    }

    /// Lines "OBJECT NAME VALUE" for the elements `status` points at, as set in `store`.
    public static func lines(for status: UInt32, in store: BCDStore) -> [String] {
        let names = Set(elementNames(for: status))
        let values = ValueFormatter(store: store, verbose: false)
        var objects: [BCDObject] = []
        if let manager = store[ObjectNames.bootManager] {
            objects.append(manager)
            var entry: BCDGUID?
            if case .object(let id)? = manager.value(ElementIDs.defaultObject) { entry = id }
            if entry == nil, case .objectList(let ids)? = manager.value(ElementIDs.displayOrder) { entry = ids.first }
            if let entry, let object = store[entry] { objects.append(object) }
        }
        if let ramdisk = store[ObjectNames.ramdiskOptions] { objects.append(ramdisk) }
        var out: [String] = []
        for object in objects {
            let label = values.objectName(object.id)
            for element in object.elements {
                let name = ElementNames.name(for: element.type, in: object.type)
                guard names.contains(name) else { continue }
                out.append("\(label) \(name) \(values.lines(for: element, in: object).joined(separator: " "))")
            }
        }
        if out.isEmpty, !store.contains(ObjectNames.bootManager) { out.append("the store has no {bootmgr} object") }
        return out
    }
}
