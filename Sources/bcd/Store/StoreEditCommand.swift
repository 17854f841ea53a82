import ArgumentParser
import BCDKit

/// A verb that changes the store. Run alone it opens, edits and saves the store; inside
/// `bcd batch` many of them edit one in-memory store that is saved once.
protocol StoreEditCommand: ParsableCommand {
    var options: StoreOptions { get }
    /// Applies the edit and returns the line to print.
    func apply(to store: inout BCDStore) throws -> String
}

extension StoreEditCommand {
    func run() throws {
        try reportingErrors {
            let message = try options.edit { store in try apply(to: &store) }
            print(message)
        }
    }
}
