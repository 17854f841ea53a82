import BootCore

/// Issue 20: what the loader injects into the WIM it serves (BootCore's LoaderInjection, the
/// loader's own code over the served files): a note listing the files, a warning for each one
/// that replaces a file of the image's `\Windows\System32`, and a warning when the WIM cannot
/// be patched (the loader then serves it as it is).
extension Checker {
    mutating func checkInjection() {
        guard options.firmware == .uefi, let wimFile = loaderWIM else { return }
        var sources: [HostFile] = []
        for f in files {
            guard let source = HostFile(path: f.path) else { return }   // unreadable: files.* says so
            sources.append(source)
        }
        let names = files.map { Array($0.name.utf8) }
        let injection = LoaderInjection(names: names, sources: sources, rawWIM: false, index: options.imageIndex)
        let wanted = WIMInjectionRule.injected(among: names).map { files[$0].name }
        if let problem = injection.problem {
            add(Rules.wimInjectRefused("\(wanted.joined(separator: ", ")) will not be injected: \(problem.message); the loader serves \(wimFile.name) as it is",
                                       fix: "fix the cause, or drop the loose files (or start the loader with rawwim)", file: wimFile.name))
            return
        }
        guard let view = injection.view else { return }
        let system32 = "\\Windows\\System32\\"
        add(Rules.wimInject("the loader injects \(wanted.joined(separator: ", ")) into \(system32.dropLast()) of image \(view.imageIndex) of \(wimFile.name)",
                            fix: "none needed; the loader option rawwim serves the WIM as it is", file: wimFile.name))
        for (n, info) in view.files.enumerated() where info.replacesExisting {
            let name = files[injection.injected[n]].name
            add(Rules.wimInjectReplaces("\(name) replaces the image's own \(system32)\(name) (WinPE sees the loose file, not the image's)",
                                        fix: "none needed if intended; else rename or drop the loose \(name)", file: name))
        }
    }
}
