/// Turns command-line words into an element value of the element's format, the way bcdedit's
/// /set reads them (booleans yes/no/on/off/true/false/1/0; integers decimal or 0x hex or a
/// choice name; object lists and integer lists as several words).
public struct ValueParser {
    public let store: BCDStore

    public init(store: BCDStore) { self.store = store }

    public func parse(_ words: [String], for type: ElementType, in object: BCDObject, elementName: String) throws(EditError) -> ElementValue {
        guard let format = type.format else {
            throw .invalidValue(element: elementName, value: words.joined(separator: " "), expected: "settable (unknown value format)")
        }
        let joined = words.joined(separator: " ")
        func single() throws(EditError) -> String {
            guard words.count == 1 else { throw .invalidValue(element: elementName, value: joined, expected: "a single \(format.name) value") }
            return words[0]
        }
        switch format {
        case .string: return .string(joined)
        case .boolean: return .boolean(try boolean(try single(), elementName))
        case .integer:
            let definition = ElementNames.definition(for: type, in: object.type)
            let word = try single()
            if definition?.integer.display == .ipv4, word.contains(".") {
                return .integer(try ipv4(word, elementName))
            }
            return .integer(try integer(word, elementName, choices: definition?.choices ?? []))
        case .integerList:
            var values: [UInt64] = []
            for word in words { values.append(try integer(word, elementName, choices: [])) }
            return .integerList(values)
        case .object: return .object(try ObjectNames.resolve(try single(), in: store))
        case .objectList:
            var ids: [BCDGUID] = []
            for word in words { ids.append(try ObjectNames.resolve(word, in: store)) }
            return .objectList(ids)
        case .device:
            let store = self.store
            return .device(try DeviceSyntax.parse(try single()) { (text: String) throws(EditError) -> BCDGUID in
                try ObjectNames.resolve(text, in: store)
            })
        }
    }

    private func boolean(_ word: String, _ name: String) throws(EditError) -> Bool {
        switch word.lowercased() {
        case "yes", "on", "true", "1": return true
        case "no", "off", "false", "0": return false
        default: throw .invalidValue(element: name, value: word, expected: "a boolean (yes or no)")
        }
    }

    /// Dotted IPv4 -> the integer whose little-endian bytes are the address (network order).
    private func ipv4(_ word: String, _ name: String) throws(EditError) -> UInt64 {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 != nil }) else {
            throw .invalidValue(element: name, value: word, expected: "an IPv4 address such as 192.168.0.2")
        }
        return parts.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element!) << (8 * UInt64($1.offset)) }
    }

    private func integer(_ word: String, _ name: String, choices: [ElementChoice]) throws(EditError) -> UInt64 {
        if let choice = choices.first(where: { $0.name.lowercased() == word.lowercased() }) { return choice.value }
        guard let value = Self.wholeNumber(word) else {
            let expected = choices.isEmpty ? "an integer" : "one of " + choices.map(\.name).joined(separator: ", ")
            throw .invalidValue(element: name, value: word, expected: expected)
        }
        return value
    }

    /// A whole number as bcdedit reads one: decimal, or hex after 0x (either case).
    public static func wholeNumber(_ word: String) -> UInt64? {
        let lower = word.lowercased()
        return lower.hasPrefix("0x") ? UInt64(lower.dropFirst(2), radix: 16) : UInt64(lower)
    }
}
