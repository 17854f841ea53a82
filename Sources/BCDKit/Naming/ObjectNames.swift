import BootCore

/// Object identifiers as bcdedit shows and accepts them: aliases for well-known objects,
/// otherwise the braced lower-case GUID.
public enum ObjectNames {
    private static let byGUID: [BCDGUID: WellKnownObject] = Dictionary(
        wellKnownObjects.compactMap { object in BCDGUID(object.guid).map { ($0, object) } },
        uniquingKeysWith: { first, _ in first })

    private static let byAlias: [String: WellKnownObject] = {
        var table: [String: WellKnownObject] = [:]
        for object in wellKnownObjects {
            for alias in [object.alias] + object.otherAliases { table[alias.lowercased()] = object }
        }
        return table
    }()

    /// The alias bcdedit prints for `id`, if it has one (virtual objects are never stored).
    public static func alias(for id: BCDGUID) -> String? {
        guard let known = byGUID[id], !known.isVirtual else { return nil }
        return known.alias
    }

    /// How bcdedit shows an object: its alias, `{default}` for the boot manager's default
    /// (unless verbose), or the braced GUID.
    public static func display(_ id: BCDGUID, in store: BCDStore?, verbose: Bool) -> String {
        if verbose { return id.braced }
        if let store, defaultObject(in: store) == id { return "{default}" }
        return alias(for: id) ?? id.braced
    }

    /// Resolves an alias, braced or bare GUID. `{default}` means the boot manager's default.
    public static func resolve(_ text: String, in store: BCDStore?) throws(EditError) -> BCDGUID {
        let key = text.lowercased()
        if let known = byAlias[key] {
            if known.alias == "{default}", let store {
                guard let id = defaultObject(in: store) else { throw .unknownObject("{default} ({bootmgr} has no default)") }
                return id
            }
            if known.isVirtual { throw .virtualObject(known.alias) }
            return BCDGUID(known.guid)!
        }
        guard let id = BCDGUID(text) else { throw .malformedIdentifier(text) }
        return id
    }

    /// Resolves and requires the object to exist in `store`.
    public static func existing(_ text: String, in store: BCDStore) throws(EditError) -> BCDObject {
        let id = try resolve(text, in: store)
        guard let object = store[id] else { throw .unknownObject(text) }
        return object
    }

    public static let bootManager = BcdGuid.bootManager
    public static let firmwareBootManager = BCDGUID("a5a30fa2-3d06-4e9f-b5f4-a01df9d1fcba")!
    public static let ramdiskOptions = BCDGUID("ae5534e0-a924-466c-b836-758539a3ee3a")!

    /// The object {bootmgr}'s `default` element names.
    public static func defaultObject(in store: BCDStore) -> BCDGUID? {
        if case .object(let id)? = store[bootManager]?.value(ElementIDs.defaultObject) { return id }
        return nil
    }
}
