import ArgumentParser
import BCDCheck

/// Files named on the command line of `bcd boot` and `bcd ipxe-script`: NAME=PATH pairs
/// and/or a directory; the store is served as BCD.
struct ServedFileOptions: ParsableArguments {
    @Option(name: .customLong("file"), help: ArgumentHelp("A served file, as NAME=PATH (repeatable).", valueName: "NAME=PATH"))
    var files: [String] = []
    @Option(name: .customLong("dir"), help: ArgumentHelp("Serve every file in DIR under its own name (default, without --file: the store's directory).", valueName: "DIR"))
    var directory: String?

    func validate() throws { try Self.validate(files) }

    /// The files (ServedFiles.resolve: --dir first; an explicit --file replaces a --dir file of the same name).
    func resolve(store: String) throws -> ServedFiles {
        try ServedFiles.resolve(store: store, directory: directory, named: files.compactMap(ServedFiles.pair), serving: .asBCD)
    }

    /// --file values must be NAME=PATH (also `bcd check`'s).
    static func validate(_ files: [String]) throws {
        for file in files where ServedFiles.pair(file) == nil {
            throw ValidationError("--file wants NAME=PATH, got '\(file)'")
        }
    }
}
