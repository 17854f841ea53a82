/// What validation found, reduced to what the boot needs: whether to stop, and the report.
/// `bcd boot` fills it from BCDCheck; anything else (the editor, tests) can supply its own.
public struct ValidationReport: Sendable {
    public var errors: Int
    public var warnings: Int
    /// The findings, one per line, as shown to the user.
    public var text: String

    public init(errors: Int, warnings: Int, text: String) {
        self.errors = errors
        self.warnings = warnings
        self.text = text
    }
}

/// The validation seam: checks the store with the files as served. nil: no validation available.
public typealias BootValidator = (_ store: String, _ files: [ServedFile]) -> ValidationReport?
