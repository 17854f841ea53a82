/// The boot manager the loader starts: a supplied one, in this order of names, else
/// LoaderWimFiles.bootManager taken from the WIM (served as the second name).
public enum LoaderBootManager {
    public static let names = ["bootx64.efi", "bootmgfw.efi"]

    /// Index into `inputs` (names, ASCII case-insensitive) of the boot manager, or nil.
    public static func choice(among inputs: [String]) -> Int? {
        choice(among: inputs.map { Array($0.utf8) })
    }

    /// The same rule over names as bytes (the loader's form).
    public static func choice(among inputs: [[UInt8]]) -> Int? {
        for name in names {
            if let index = asciiIndex(of: Array(name.utf8), in: inputs) { return index }
        }
        return nil
    }
}
