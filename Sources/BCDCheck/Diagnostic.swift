import BCDKit

/// How bad a finding is. Errors stop the boot; warnings may; notes only inform.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding: which rule, how bad, what it concerns (object, element, supplied file), a
/// one-line message and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    /// The BCD object concerned, if any.
    public var object: BCDGUID?
    /// The element of `object` concerned (raw element type), if any.
    public var element: UInt32?
    /// The supplied file concerned (its name as the loader serves it), if any.
    public var file: String?
    public var message: String
    public var fix: String?

    public init(rule: String, severity: Severity, object: BCDGUID? = nil, element: UInt32? = nil,
                file: String? = nil, message: String, fix: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.object = object
        self.element = element
        self.file = file
        self.message = message
        self.fix = fix
    }
}

/// Exit status for a set of findings: 0 clean (notes allowed), 1 warnings only, 2 errors.
public func exitStatus(for diagnostics: [Diagnostic]) -> Int32 {
    if diagnostics.contains(where: { $0.severity == .error }) { return 2 }
    if diagnostics.contains(where: { $0.severity == .warning }) { return 1 }
    return 0
}
