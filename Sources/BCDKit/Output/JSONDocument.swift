import Foundation

/// The stable machine-readable form of `enum --json`. Field names are part of the interface:
/// add fields, never rename them.
public struct JSONDocument: Encodable {
    public struct Object: Encodable {
        let identifier: String      // as bcdedit shows it (alias or {guid})
        let guid: String            // always the braced GUID
        let type: String            // 0x10200003
        let heading: String
        let elements: [Element]
    }

    public struct Element: Encodable {
        let name: String            // bcdedit name or custom:xxxxxxxx
        let id: String              // 8 hex digits, the registry key name
        let format: String          // string, integer, boolean, object, object list, integer list, device, unknown
        let value: Value
        let display: [String]       // the lines `enum` prints
    }

    /// The decoded value, typed; `raw` (registry type and hex bytes) when it does not decode.
    public enum Value: Encodable {
        case string(String), integer(UInt64), boolean(Bool), strings([String]), integers([UInt64])
        case raw(type: UInt32, hex: String)

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let s): try container.encode(s)
            case .integer(let n): try container.encode(n)
            case .boolean(let b): try container.encode(b)
            case .strings(let list): try container.encode(list)
            case .integers(let list): try container.encode(list)
            case .raw(let type, let hex): try container.encode(["registryType": String(type), "hex": hex])
            }
        }
    }

    let store: String
    let objects: [Object]

    public init(path: String, store: BCDStore, objects: [BCDObject], verbose: Bool) {
        let formatter = ValueFormatter(store: store, verbose: verbose)
        self.store = path
        self.objects = objects.map { object in
            Object(identifier: formatter.objectName(object.id), guid: object.id.braced, type: object.type.description,
                   heading: bcdeditHeading(objectType: object.type.rawValue, guid: object.id.description),
                   elements: object.elements.map { element in
                       Element(name: ElementNames.name(for: element.type, in: object.type), id: element.type.keyName,
                               format: element.type.format?.name ?? "unknown", value: JSONDocument.value(element, formatter),
                               display: formatter.lines(for: element, in: object))
                   })
        }
    }

    static func value(_ element: BCDElement, _ formatter: ValueFormatter) -> Value {
        switch element.value {
        case .string(let s)?: return .string(s)
        case .integer(let n)?: return .integer(n)
        case .boolean(let b)?: return .boolean(b)
        case .object(let id)?: return .string(id.braced)
        case .objectList(let ids)?: return .strings(ids.map(\.braced))
        case .integerList(let list)?: return .integers(list)
        case .device(let device)?: return .string(DeviceSyntax.format(device) { $0.braced })
        case nil: return .raw(type: element.raw.typeTag, hex: hexBytes(element.raw.data).replacingOccurrences(of: " ", with: ""))
        }
    }

    public func rendered() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
