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
        checkStartnetIsRun(injection, wanted: wanted)
    }

    /// An injected startnet.cmd runs only through WinPE's default shell (`cmd /k startnet.cmd`);
    /// a winpeshl.ini that launches other programs (the injected one, or the image's own, read
    /// from the WIM as served) means it never runs.
    private mutating func checkStartnetIsRun(_ injection: LoaderInjection<HostFile>, wanted: [String]) {
        guard let startnet = wanted.first(where: { $0.lowercased() == "startnet.cmd" }),
              let input = injection.wimInput, let view = injection.view else { return }
        let served = injection.files[input].source
        guard let archive = try? WIMArchive(source: served), let image = try? archive.image(view.imageIndex),
              let entry = try? image.lookup("\\Windows\\System32\\winpeshl.ini"),
              let bytes = try? archive.readAll(entry) else { return }
        let ini = WinpeshlIni(bytes: bytes)
        guard !ini.apps.isEmpty, !ini.launches("startnet.cmd") else { return }
        let whose = wanted.contains { $0.lowercased() == "winpeshl.ini" } ? "the injected winpeshl.ini" : "the image's winpeshl.ini"
        add(Rules.wimInjectUnused("\(startnet) will never run: \(whose) launches \(ini.apps.joined(separator: ", ")) instead of WinPE's default shell (cmd /k startnet.cmd)",
                                  fix: "start it from winpeshl.ini (e.g. [LaunchApps] cmd.exe, /k startnet.cmd), or drop the loose \(startnet)", file: startnet))
    }
}
