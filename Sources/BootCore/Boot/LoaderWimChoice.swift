/// Which WIM, and which image in it, the loader takes missing files from.
public enum LoaderWimChoice {
    /// Index into `names` (the loader's inputs) of boot.wim, else of the first `*.wim`
    /// (ASCII case-insensitive, more than the extension); nil without one.
    public static func wim(among names: [String]) -> Int? {
        wim(among: names.map { Array($0.utf8) })
    }

    /// The same rule over names as bytes (the loader's form).
    public static func wim(among names: [[UInt8]]) -> Int? {
        asciiIndex(of: Array("boot.wim".utf8), in: names) ?? names.firstIndex { asciiHasLongerSuffix($0, Array(".wim".utf8)) }
    }

    /// The image to use: `requested` (the command line's index=N), else the WIM's boot index,
    /// else 1 (a WIM without a boot index has 0 there).
    public static func image(requested: Int?, bootIndex: Int) -> Int {
        requested ?? (bootIndex != 0 ? bootIndex : 1)
    }
}
