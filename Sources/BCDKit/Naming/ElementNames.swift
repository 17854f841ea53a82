/// Element names as bcdedit resolves them: by element id AND the object's type, since
/// application-class ids mean different things per application (0x23000003 is `default` in
/// the boot manager but `resumeobject` in an OS loader). Unknown ids are `custom:xxxxxxxx`.
public enum ElementNames {
    private struct Key: Hashable {
        let scope: ElementScope
        let id: UInt32
    }

    private static let allDefinitions = libraryElementDefinitions + applicationElementDefinitions + deviceElementDefinitions

    private static let byID: [Key: ElementDefinition] = Dictionary(
        allDefinitions.map { (Key(scope: $0.scope, id: $0.id), $0) }, uniquingKeysWith: { first, _ in first })

    private static let byName: [ElementScope: [String: ElementDefinition]] = {
        var table: [ElementScope: [String: ElementDefinition]] = [:]
        for definition in allDefinitions where table[definition.scope]?[definition.name] == nil {
            table[definition.scope, default: [:]][definition.name] = definition
        }
        return table
    }()

    /// Scopes searched for an object of this type: library elements always, then the
    /// application or device scope its type implies.
    static func scopes(for type: ObjectType) -> [ElementScope] {
        [.library] + (type.applicationScope.map { [$0] } ?? [])
    }

    /// The same order as `scopes(for:)`, without building that array (called per element shown).
    public static func definition(for element: ElementType, in objectType: ObjectType) -> ElementDefinition? {
        if let found = byID[Key(scope: .library, id: element.rawValue)] { return found }
        guard let application = objectType.applicationScope else { return nil }
        return byID[Key(scope: application, id: element.rawValue)]
    }

    /// bcdedit's name, or custom:xxxxxxxx.
    public static func name(for element: ElementType, in objectType: ObjectType) -> String {
        definition(for: element, in: objectType)?.name ?? "custom:" + element.keyName
    }

    /// Accepts a name valid for the object, `custom:XXXXXXXX`, or a hex id (0xXXXXXXXX).
    public static func resolve(_ text: String, in objectType: ObjectType, objectName: String) throws(EditError) -> ElementType {
        let lower = text.lowercased()
        if lower.hasPrefix("custom:") {
            guard let type = ElementType(keyName: String(lower.dropFirst(7))) else { throw .unknownElement(name: text, object: objectName) }
            return type
        }
        if lower.hasPrefix("0x"), let type = ElementType(keyName: lower) { return type }
        for scope in scopes(for: objectType) {
            if let found = byName[scope]?[lower] { return ElementType(rawValue: found.id) }
        }
        throw .unknownElement(name: text, object: objectName)
    }

    /// Every named element an object of this type may hold (for the editor's "add element").
    public static func definitions(for objectType: ObjectType) -> [ElementDefinition] {
        scopes(for: objectType).flatMap { scope in allDefinitions.filter { $0.scope == scope } }
    }

    /// How an integer element is shown and typed, and its range (the catalog's traits; any
    /// 64-bit decimal value for elements the catalog does not name).
    public static func integerTraits(for element: ElementType, in objectType: ObjectType) -> IntegerTraits {
        definition(for: element, in: objectType)?.integer ?? .plain
    }
}
