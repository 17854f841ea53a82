import ArgumentParser
import BCDKit

struct EnumCommand: ParsableCommand {
    // `bcd enum` is parsed with EnumCommand as the root (BCD.directVerbs).
    static let configuration = CommandConfiguration(
        commandName: "enum",
        _superCommandName: "bcd",
        abstract: "List objects and their elements, as bcdedit /enum does.",
        discussion: "WHAT is active (default), all, firmware, bootapp, bootmgr, osloader, resume, inherit, or an identifier.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Which objects to list.") var what: String = "active"
    @Flag(name: [.customShort("v"), .customLong("v"), .customLong("verbose")], help: "Show identifiers in full instead of aliases.")
    var verbose = false
    @Flag(name: .customLong("json"), help: "Print a stable JSON document instead of bcdedit's layout.") var json = false

    func run() throws {
        try reportingErrors {
            let file = try options.open()
            let objects = try EnumSelection(what).objects(in: file.saved)
            if json {
                print(try JSONDocument(path: file.path, store: file.saved, objects: objects, verbose: verbose).rendered(), terminator: "")
            } else {
                let text = EnumFormatter(store: file.saved, verbose: verbose).renderUTF8(objects)
                writeStandardOutput(text)
            }
            exitLeavingTeardown()
        }
    }
}
