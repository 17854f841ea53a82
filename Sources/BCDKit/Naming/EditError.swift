/// A request the store cannot carry out (bad name, bad value, missing object). One line each.
public enum EditError: Error, Equatable, CustomStringConvertible {
    case unknownObject(String)
    case malformedIdentifier(String)
    case virtualObject(String)
    case unknownElement(name: String, object: String)
    case invalidValue(element: String, value: String, expected: String)
    case invalidDevice(String, reason: String)
    case objectExists(String)
    case missingElement(name: String, object: String)
    case wrongObjectKind(String, expected: String)
    case usage(String)

    public var description: String {
        switch self {
        case .unknownObject(let id): return "the store has no object \(id)"
        case .malformedIdentifier(let text):
            return "'\(text)' is not an object identifier: use {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} or an alias such as {bootmgr}"
        case .virtualObject(let alias):
            return "\(alias) only exists on a running Windows system, not in a store file: name the object by its identifier"
        case .unknownElement(let name, let object):
            return "'\(name)' is not an element of \(object): see 'bcd enum \(object) -v' or use custom:XXXXXXXX"
        case .invalidValue(let element, let value, let expected): return "\(element): '\(value)' is not \(expected)"
        case .invalidDevice(let text, let reason): return "'\(text)' is not a device: \(reason)"
        case .objectExists(let id): return "the store already has an object \(id)"
        case .missingElement(let name, let object): return "\(object) has no element \(name)"
        case .wrongObjectKind(let id, let expected): return "\(id) is not \(expected)"
        case .usage(let message): return message
        }
    }
}
