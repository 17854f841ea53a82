import Glibc

/// Element values as bcdedit prints them: one string per output line (object and integer
/// lists put each item on its own line).
public struct ValueFormatter {
    public let store: BCDStore
    public let verbose: Bool
    /// {bootmgr}'s default entry, shown as {default} (looked up once, not per reference).
    private let defaultEntry: BCDGUID?
    /// Device values repeat (every loader's device and osdevice, every entry on one partition):
    /// each distinct one is decoded and formatted once per formatter.
    private let deviceLines = DeviceLineCache()

    private final class DeviceLineCache {
        var known: [Key: [String]] = [:]

        /// Hashes the type, the length and the last 32 bytes (where two device values of one
        /// kind differ: the path, the partition); equality compares every byte. Hashing all of
        /// a ~150-byte value cost more than formatting it again.
        struct Key: Hashable {
            let value: RegistryValue
            static func == (a: Key, b: Key) -> Bool {
                a.value.typeTag == b.value.typeTag && a.value.data.count == b.value.data.count
                    && a.value.data.withUnsafeBytes { x in b.value.data.withUnsafeBytes { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
            }
            func hash(into hasher: inout Hasher) {
                hasher.combine(value.typeTag)
                hasher.combine(value.data.count)
                value.data.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0.suffix(32))) }
            }
        }
    }

    public init(store: BCDStore, verbose: Bool) {
        self.store = store
        self.verbose = verbose
        defaultEntry = ObjectNames.defaultObject(in: store)
    }

    public func objectName(_ id: BCDGUID) -> String {
        if verbose { return id.braced }
        if id == defaultEntry { return "{default}" }
        return ObjectNames.alias(for: id) ?? id.braced
    }

    public func lines(for element: BCDElement, in object: BCDObject) -> [String] {
        guard element.type.format == .device else { return decodedLines(for: element, in: object) }
        let key = DeviceLineCache.Key(value: element.raw)
        if let known = deviceLines.known[key] { return known }
        let lines = decodedLines(for: element, in: object)
        deviceLines.known[key] = lines
        return lines
    }

    private func decodedLines(for element: BCDElement, in object: BCDObject) -> [String] {
        guard let value = element.value else { return [rawText(element.raw)] }
        switch value {
        case .string(let text): return [text]
        case .object(let id): return [objectName(id)]
        case .objectList(let ids): return ids.isEmpty ? [""] : ids.map(objectName)
        case .boolean(let flag): return [flag ? "Yes" : "No"]
        case .integerList(let values): return values.isEmpty ? [""] : values.map { "0x" + String($0, radix: 16) }
        case .device(let device): return [DeviceSyntax.format(device, name: objectName)]
        case .integer(let number):
            let definition = ElementNames.definition(for: element.type, in: object.type)
            if let choice = definition?.choices.first(where: { $0.value == number }) { return [choice.name] }
            switch definition?.integer.display ?? .decimal {
            case .hex: return ["0x" + String(number, radix: 16)]
            case .ipv4 where number <= UInt64(UInt32.max):
                return [(0..<4).map { String((number >> (8 * $0)) & 0xff) }.joined(separator: ".")]
            case .ipv4, .decimal: return [String(number)]
            }
        }
    }

    /// Undecodable values: registry type and hex bytes, so nothing is hidden.
    public func rawText(_ raw: RegistryValue) -> String {
        "raw type \(raw.typeTag): " + hexBytes(raw.data)
    }
}

public func hexBytes(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
}
