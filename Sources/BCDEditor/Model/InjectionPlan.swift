import BCDCheck
import BootCore

/// Which attached files the loader injects into the WIM it serves, as it decides it (BootCore's
/// LoaderInjection over the files, the rule `bcd check`'s wim.inject findings come from): a
/// mark per file for the attached-files pane, nil for a file served only as itself.
struct InjectionPlan {
    let marks: [String?]

    init(files: [ServedFile], index: Int?) {
        marks = Self.marks(files: files, index: index)
    }

    private static func marks(files: [ServedFile], index: Int?) -> [String?] {
        var marks = [String?](repeating: nil, count: files.count)
        var sources: [HostFile] = []
        for file in files {
            guard let source = HostFile(path: file.path) else { return marks }   // unreadable: the diagnostics say so
            sources.append(source)
        }
        let injection = LoaderInjection(names: files.map { Array($0.name.utf8) }, sources: sources, rawWIM: false, index: index)
        guard let view = injection.view, injection.problem == nil, let wim = injection.wimInput else { return marks }
        for (n, fileIndex) in injection.injected.enumerated() {
            let replaces = n < view.files.count && view.files[n].replacesExisting
            marks[fileIndex] = "injected into \(files[wim].name)'s \\Windows\\System32" + (replaces ? " (replaces the image's own)" : "")
        }
        return marks
    }
}
