/// What the loader serves when it has loose files (issue 20, as wimboot): the chosen WIM
/// (LoaderWimChoice) with every file WIMInjectionRule lets in injected into
/// `\Windows\System32` of the chosen image, unless `rawwim`. The loader and `bcd vdisk` build
/// their disks with `served(...)`, so both serve the same bytes.
public struct LoaderInjection<Input: ByteSource> {
    /// The input that is the WIM served patched, and the patched view; nil: nothing injected.
    public let wimInput: Int?
    public let view: WIMPatchedView?
    /// The inputs injected, in order (the view's `files` in the same order).
    public let injected: [Int]
    /// Why the WIM is served unpatched although files were to be injected (one line), or nil.
    public let problem: WIMInjectionError?
    /// The files of the disk: every input under its name, the WIM's source replaced by the view.
    public let files: [VirtualFatFile<LoaderServedSource<Input>>]

    /// `names` and `sources`: the loader's inputs, in order. `index`: `index=N` (nil: the
    /// WIM's boot index). `loaderName`: the loader's own file name, never injected.
    public init(names: [[UInt8]], sources: [Input], rawWIM: Bool, index: Int?, loaderName: [UInt8]? = nil) {
        var wimInput: Int? = nil
        var view: WIMPatchedView? = nil
        var injected: [Int] = []
        var problem: WIMInjectionError? = nil
        if !rawWIM, let wim = LoaderWimChoice.wim(among: names) {
            let chosen = WIMInjectionRule.injected(among: names, loaderName: loaderName)
            if !chosen.isEmpty {
                do throws(WIMInjectionError) {
                    view = try Self.patch(wim: sources[wim], files: chosen.map { WIMInjectedFile(asciiName: names[$0], source: sources[$0]) },
                                          index: index)
                    wimInput = wim
                    injected = chosen
                } catch {
                    problem = error
                }
            }
        }
        var files: [VirtualFatFile<LoaderServedSource<Input>>] = []
        for i in 0..<names.count {
            var source = LoaderServedSource<Input>.input(sources[i])
            if i == wimInput, let view {
                source = .patchedWIM(WIMPatchedSource(view: view, wim: sources[i], files: injected.map { sources[$0] }))
            }
            files.append(VirtualFatFile(nameBytes: names[i], source: source))
        }
        self.wimInput = wimInput
        self.view = view
        self.injected = injected
        self.problem = problem
        self.files = files
    }

    static func patch(wim: Input, files: [WIMInjectedFile<Input>], index: Int?) throws(WIMInjectionError) -> WIMPatchedView {
        let archive: WIMArchive<Input>
        do throws(WIMError) { archive = try WIMArchive(source: wim) } catch { throw .wim(error) }
        return try archive.injecting(files, intoImage: LoaderWimChoice.image(requested: index, bootIndex: archive.info.bootIndex))
    }
}
