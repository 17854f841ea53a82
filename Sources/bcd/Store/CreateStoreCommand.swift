import ArgumentParser
import BCDKit

struct CreateStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "createstore", abstract: "Create a new, empty BCD store file.")

    @Argument(help: "The file to create (must not exist).") var file: String

    func run() throws {
        try reportingErrors {
            try StoreFile.create(file)
            print(operationCompleted)
        }
    }
}
