/// Which objects `enum` lists, and in which order: bcdedit's /enum all order is by object
/// type, then identifier (firmware boot manager, boot manager, firmware applications,
/// loaders, resume, memory tester, settings, device options).
public enum EnumSelection: Equatable, Sendable {
    case active, all, firmware, bootApplications, bootManager, osLoaders, resume, inherit
    case object(String)

    public init(_ word: String) {
        switch word.lowercased() {
        case "active": self = .active
        case "all": self = .all
        case "firmware": self = .firmware
        case "bootapp": self = .bootApplications
        case "bootmgr": self = .bootManager
        case "osloader": self = .osLoaders
        case "resume": self = .resume
        case "inherit": self = .inherit
        default: self = .object(word)
        }
    }

    public func objects(in store: BCDStore) throws(EditError) -> [BCDObject] {
        let ordered = store.objects.map { (key: ($0.type.rawValue, $0.id.description), object: $0) }
            .sorted { $0.key < $1.key }.map(\.object)
        switch self {
        case .all: return ordered
        case .active:
            // The boot manager, then what its display order lists (bcdedit's default /enum).
            guard let manager = store[ObjectNames.bootManager] else { return [] }
            var result = [manager]
            if case .objectList(let ids)? = manager.value(ElementIDs.displayOrder) {
                result += ids.compactMap { store[$0] }
            }
            return result
        case .firmware:
            return ordered.filter { $0.type.kind == .application && $0.type.subclass == 1 }
        case .bootApplications:
            return ordered.filter { $0.type.kind == .application && $0.type.subclass == 2 }
        case .bootManager: return ordered.filter { $0.type == .bootManager }
        case .osLoaders: return ordered.filter { $0.type == .osLoader }
        case .resume: return ordered.filter { $0.type == .resume }
        case .inherit: return ordered.filter { $0.type.kind == .inherit }
        case .object(let text): return [try ObjectNames.existing(text, in: store)]
        }
    }
}
