/// bcdedit's /dbgsettings, /hypervisorsettings and /emssettings: a transport word and NAME:VALUE
/// options, turned into element edits on one settings object. The transport's previous options
/// are removed first, so switching from SERIAL to NET leaves no stale debugport behind.
public enum TransportSettings: Sendable {
    case debugger, hypervisor, ems

    /// The object the verb edits.
    public var object: String {
        switch self {
        case .debugger: return "{dbgsettings}"
        case .hypervisor: return "{hypervisorsettings}"
        case .ems: return "{emssettings}"
        }
    }

    /// The element that holds the transport (none for EMS, which is always a serial port).
    var typeElement: String? {
        switch self {
        case .debugger: return "debugtype"
        case .hypervisor: return "hypervisordebugtype"
        case .ems: return nil
        }
    }

    /// Transport word -> the options it takes, each mapped to the element it sets.
    var transports: [String: [String: String]] {
        switch self {
        case .debugger:
            return [
                "serial": ["debugport": "debugport", "baudrate": "baudrate"],
                "1394": ["channel": "channel"],
                "usb": ["targetname": "targetname"],
                "net": ["hostip": "hostip", "port": "port", "key": "key", "busparams": "busparams"],
                "local": [:],
            ]
        case .hypervisor:
            return [
                "serial": ["debugport": "hypervisordebugport", "baudrate": "hypervisorbaudrate"],
                "1394": ["channel": "hypervisorchannel"],
                "net": ["hostip": "hypervisorhostip", "port": "hypervisorhostport", "key": "hypervisorusekey",
                        "busparams": "hypervisorbusparams"],
            ]
        case .ems:
            return ["": ["emsport": "emsport", "emsbaudrate": "emsbaudrate"]]
        }
    }

    /// The element that says whether a NET transport uses DHCP.
    var dhcpElement: String { self == .hypervisor ? "hypervisordhcp" : "dhcp" }

    /// Every element a transport may have set; cleared before new settings are written.
    var transportElements: [String] {
        var names = Set(transports.values.flatMap(\.values))
        if self != .ems { names.insert(dhcpElement) }
        return names.sorted()
    }
}

/// One parsed settings request: the elements to write, in order.
public struct TransportRequest: Sendable, Equatable {
    public var transport: String?
    public var assignments: [(element: String, value: String)]
    /// The key `NEWKEY` made, which bcdedit prints as `Key=...` (the debugger host needs it).
    public var generatedKey: String?

    /// Only /start or /noumex: the transport stays as it is.
    public static let unchanged = TransportRequest(transport: nil, assignments: [], generatedKey: nil)

    public static func == (a: Self, b: Self) -> Bool {
        a.transport == b.transport && a.generatedKey == b.generatedKey && a.assignments.elementsEqual(b.assignments) { $0.element == $1.element && $0.value == $1.value }
    }
}

extension TransportSettings {
    /// Parses `SERIAL DEBUGPORT:1 BAUDRATE:115200`, `NET HOSTIP:10.0.0.2 PORT:50000 KEY:a.b.c.d`,
    /// `EMSPORT:1 EMSBAUDRATE:115200` (words case-insensitive, as bcdedit takes them).
    /// - Parameter makeKey: makes a fresh NET key when no `KEY:` is given (with or without NEWKEY).
    public func parse(_ words: [String], makeKey: () -> String) throws(EditError) -> TransportRequest {
        var remaining = words[...]
        var transport: String? = nil
        let options: [String: String]
        if self == .ems {
            options = transports[""]!
            if let first = remaining.first, first.lowercased() == "bios" {
                throw .usage("emssettings: BIOS is not supported in a store file edit; give EMSPORT:N [EMSBAUDRATE:N]")
            }
        } else {
            guard let first = remaining.popFirst() else {
                throw .usage("say which transport: \(transports.keys.sorted().map { $0.uppercased() }.joined(separator: ", "))")
            }
            guard let found = transports[first.lowercased()] else {
                throw .usage("'\(first)' is not a transport: use one of \(transports.keys.sorted().map { $0.uppercased() }.joined(separator: ", "))")
            }
            transport = first.lowercased()
            options = found
        }
        var assignments: [(element: String, value: String)] = []
        var dhcp = true, wantsNewKey = false
        var generatedKey: String? = nil
        for word in remaining {
            let lower = word.lowercased()
            if transport == "net" && lower == "nodhcp" { dhcp = false; continue }
            if transport == "net" && lower == "newkey" { wantsNewKey = true; continue }
            guard let colon = word.firstIndex(of: ":"), let element = options[String(lower[..<colon])] else {
                let allowed = options.keys.sorted().map { $0.uppercased() + ":" } + (transport == "net" ? ["NODHCP", "NEWKEY"] : [])
                throw .usage("'\(word)' is not an option\(transport.map { " of " + $0.uppercased() } ?? ""): use \(allowed.isEmpty ? "none" : allowed.joined(separator: " "))")
            }
            let value = String(word[word.index(after: colon)...])
            guard !value.isEmpty else { throw .usage("'\(word)' has no value after the colon") }
            if transport == "net" { try Self.checkNetOption(String(lower[..<colon]), value) }
            assignments.append((element, value))
        }
        if transport == "net" {
            let names = Set(assignments.map(\.element))
            for required in ["hostip", "port"] where !names.contains(options[required]!) {
                throw .usage("NET needs \(required.uppercased()):, e.g. NET HOSTIP:192.168.0.2 PORT:50000")
            }
            if names.contains(options["key"]!) && wantsNewKey { throw .usage("give KEY: or NEWKEY, not both") }
            // Without KEY: bcdedit always makes one and prints it (NEWKEY only says so explicitly).
            if !names.contains(options["key"]!) {
                generatedKey = makeKey()
                assignments.append((options["key"]!, generatedKey!))
            }
            assignments.append((dhcpElement, dhcp ? "yes" : "no"))
        }
        if let transport, let typeElement { assignments.insert((typeElement, transport), at: 0) }
        return TransportRequest(transport: transport, assignments: assignments, generatedKey: generatedKey)
    }

    /// KDNET's rules for NET options: the key is four dot-separated words of [0-9a-z] (what the
    /// host debugger is given as `key=w.x.y.z`), the port a UDP port.
    static func checkNetOption(_ name: String, _ value: String) throws(EditError) {
        switch name {
        case "key":
            let words = value.split(separator: ".", omittingEmptySubsequences: false)
            let valid = words.count == 4 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) } }
            if !valid { throw .usage("KEY:\(value) is not a network debugging key: four words of 0-9 and a-z joined by dots, e.g. KEY:1.2.3.4") }
        case "port":
            guard let port = UInt32(value), (1...65535).contains(port) else {
                throw .usage("PORT:\(value) is not a UDP port (1-65535; debuggers use 49152 or higher)")
            }
        default:
            break
        }
    }

    /// A KDNET key: four words of base 36, each one random 64-bit number (what `newkey` makes).
    public static func randomKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 36) }.joined(separator: ".")
    }
}

extension BCDStore {
    /// Applies a transport request to its settings object, creating the object when the store
    /// has none (stores made by `createstore` start without it).
    public mutating func applyTransportSettings(_ settings: TransportSettings, _ request: TransportRequest,
                                                start: String? = nil, noUmex: Bool = false) throws(EditError) {
        let staged = self
        do {
            if (try? ObjectNames.existing(settings.object, in: self)) == nil {
                try createObject(id: settings.object, type: nil, description: nil)
            }
            if request.transport != nil || settings == .ems {
                for name in settings.transportElements { try? deleteElement(object: settings.object, element: name) }
            }
            for (element, value) in request.assignments { try setElement(object: settings.object, element: element, words: [value]) }
            if let start { try setElement(object: settings.object, element: "debugstart", words: [start]) }
            if noUmex { try setElement(object: settings.object, element: "noumex", words: ["yes"]) }
        } catch {
            self = staged
            throw error
        }
    }
}
