import BCDKit

/// A rule: its id and the severity of what it reports.
public struct Rule: Sendable, Equatable {
    public let id: String
    public let severity: Severity
    public let summary: String

    func callAsFunction(_ message: String, fix: String? = nil, object: BCDGUID? = nil, element: UInt32? = nil,
                        file: String? = nil) -> Diagnostic {
        Diagnostic(rule: id, severity: severity, object: object, element: element, file: file, message: message, fix: fix)
    }
}
