import BCDCheck
import BCDKit

/// What validation found, reduced to what the boot needs: whether to stop, and the report.
struct ValidationReport {
    var errors: Int
    var warnings: Int
    /// The findings, one per line, as shown to the user.
    var text: String

    init(_ diagnostics: [Diagnostic], store: BCDStore) {
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        text = CheckReport.text(diagnostics, store: store, color: false)
    }
}

extension BootRequest {
    /// The findings the boot goes by: the caller's, else BCDCheck's for the store as loaded
    /// with the files as served (BIOS rules for a BIOS boot: bootmgr.exe, winload.exe, no patch).
    var validation: ValidationReport {
        let found = diagnostics ?? store.check(files: files.all, options: files.checkOptions(firmware: platform == .bios ? .bios : .uefi,
                                                                                              memory: memory, secureBoot: secureBoot != nil))
        return ValidationReport(found, store: store.model)
    }
}
