import ArgumentParser
import BCDKit

/// `bcd compact STORE`: rewrites the store through the safe save, which compacts it, and
/// prints the file's size before and after. Not a bcdedit verb (bcdedit has no such thing).
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", abstract: "Rewrite a store without free or unreachable space; print its size before and after.")

    @Argument(help: "The BCD store file.") var store: String

    @Flag(name: [.customLong("no-backup")], help: "Do not keep the previous file as STORE.bak.")
    var noBackup = false

    func run() throws {
        try reportingErrors {
            let file = try StoreFile.open(store)
            for warning in file.warnings { printError("warning: " + warning) }
            let before = file.bytes.count
            try file.save(file.saved, keepBackup: !noBackup, rewrite: true)
            print("\(store): \(before) bytes before, \(file.bytes.count) bytes after")
        }
    }
}
