import BCDKit

/// The object list as a person thinks of it: groups in a fixed order, each object with a
/// description, alias and GUID. Boot loaders come in display-order order.
public enum ObjectGroup: String, CaseIterable, Sendable {
    case bootManager = "Boot Manager"
    case loaders = "Boot Loaders"
    case deviceOptions = "Ramdisk/Device Options"
    case settings = "Settings"
    case firmware = "Firmware entries"
    case other = "Other objects"

    public static func of(_ object: BCDObject) -> ObjectGroup {
        let type = object.type
        switch type.kind {
        case .application:
            if type.applicationType == 1 || type.applicationType == 2 { return .bootManager }
            if type.subclass == 1 { return .firmware }
            return .loaders
        case .inherit: return type.subclass == 3 ? .deviceOptions : .settings
        case .device: return .deviceOptions
        case .unknown: return .other
        }
    }
}

public enum ObjectRow: Hashable, Sendable {
    case heading(ObjectGroup, count: Int)
    case object(BCDGUID)
}

public enum ObjectListing {
    /// What the list shows for an object: description (or its kind), then alias or GUID.
    public static func label(_ object: BCDObject) -> String {
        object.descriptionText ?? bcdeditHeading(objectType: object.type.rawValue, guid: object.id.description)
    }

    public static func identifier(_ object: BCDObject) -> String {
        ObjectNames.alias(for: object.id) ?? object.id.braced
    }

    /// Rows for the store, filtered by `filter` (every word must match the description,
    /// alias, GUID or kind).
    /// The text the filter searches for an object.
    public static func haystack(_ object: BCDObject) -> String {
        [label(object), identifier(object), object.id.braced,
         bcdeditHeading(objectType: object.type.rawValue, guid: object.id.description)].joined(separator: " ").lowercased()
    }

    public static func rows(for store: BCDStore, filter: String, haystacks: [String]? = nil,
                            order precomputed: [BCDGUID: Int]? = nil) -> [ObjectRow] {
        let words = filter.lowercased().split(separator: " ")
        let order = precomputed ?? displayPositions(in: store)
        var grouped: [ObjectGroup: [BCDObject]] = [:]
        for (index, object) in store.objects.enumerated() {
            if !words.isEmpty {
                let text = haystacks?[index] ?? haystack(object)
                guard words.allSatisfy({ text.contains($0) }) else { continue }
            }
            grouped[ObjectGroup.of(object), default: []].append(object)
        }
        var rows: [ObjectRow] = []
        for group in ObjectGroup.allCases {
            guard var members = grouped[group], !members.isEmpty else { continue }
            if group == .loaders || group == .firmware {
                members = members.enumerated().sorted { a, b in
                    let pa = order[a.element.id] ?? Int.max, pb = order[b.element.id] ?? Int.max
                    return pa != pb ? pa < pb : a.offset < b.offset
                }.map(\.element)
            }
            rows.append(.heading(group, count: members.count))
            rows.append(contentsOf: members.map { .object($0.id) })
        }
        return rows
    }

    /// Position of each entry in {bootmgr}'s displayorder, then toolsdisplayorder.
    public static func displayPositions(in store: BCDStore) -> [BCDGUID: Int] {
        var order: [BCDGUID: Int] = [:]
        guard let manager = store[ObjectNames.bootManager] else { return order }
        var position = 0
        for list in [ElementIDs.displayOrder, ElementIDs.toolsDisplayOrder] {
            if case .objectList(let ids)? = manager.value(list) {
                for id in ids where order[id] == nil { order[id] = position; position += 1 }
            }
        }
        return order
    }
}
