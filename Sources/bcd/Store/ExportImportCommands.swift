import ArgumentParser
import BCDKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Copy the store to a file (bcdedit /export).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "The file to write (must not exist).") var file: String

    func run() throws {
        try reportingErrors {
            let store = try options.open()
            guard !FileManager.default.fileExists(atPath: file) else { throw StoreError.alreadyExists(path: file) }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
            try bytes.write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
            print(operationCompleted)
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Replace the store's content with an exported store (bcdedit /import).")
    @OptionGroup var options: StoreOptions
    @Argument(help: "An exported store file.") var file: String

    func run() throws {
        try reportingErrors {
            let source = try StoreFile.open(file)
            let target = try options.open()
            try target.save(source.saved, keepBackup: !options.noBackup)
            print(operationCompleted)
        }
    }
}
