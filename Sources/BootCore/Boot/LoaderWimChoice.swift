/// Which WIM, and which image in it, the loader takes missing files from.
public enum LoaderWimChoice {
    /// Index into `names` (the loader's inputs) of boot.wim, else of the first `*.wim`
    /// (ASCII case-insensitive, more than the extension); nil without one.
    public static func wim(among names: [String]) -> Int? {
        asciiIndex(of: "boot.wim", in: names) ?? names.firstIndex(where: isWim)
    }

    static func isWim(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return bytes.count > 4 && asciiEqualIgnoringCase(Array(bytes.suffix(4)), Array(".wim".utf8))
    }

    /// The image to use: `requested` (the command line's index=N), else the WIM's boot index,
    /// else 1 (a WIM without a boot index has 0 there).
    public static func image(requested: Int?, bootIndex: Int) -> Int {
        requested ?? (bootIndex != 0 ? bootIndex : 1)
    }
}
