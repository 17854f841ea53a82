import BCDKit
import Foundation

/// A store file read once, for everything that follows: the model (validation, the boot's
/// hints) and the bytes (staged as BCD). A file that is not a store still loads, as an empty
/// model with its `store.unreadable` finding, so that validation reports it like any other.
public struct LoadedStore: Sendable {
    /// Where the store came from (shown in messages; the editor's file for its unsaved version).
    public var path: String
    public var model: BCDStore
    /// The bytes served as BCD (the loader patches them, not the host).
    public var bytes: [UInt8]
    /// Why the file does not read as a store; nil when it does.
    public var unreadable: Diagnostic?

    public init(path: String, model: BCDStore, bytes: [UInt8], unreadable: Diagnostic? = nil) {
        self.path = path
        self.model = model
        self.bytes = bytes
        self.unreadable = unreadable
    }

    /// Reads the store at `path`; never throws (see the type).
    public init(reading path: String) {
        do {
            let file = try StoreFile.open(path)
            self.init(path: path, model: file.saved, bytes: file.bytes)
        } catch {
            let raw = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            self.init(path: path, model: BCDStore(), bytes: raw, unreadable: Rules.unreadableStore(String(describing: error)))
        }
    }

    /// The findings for this store with `files`: the unreadable finding alone, or the checks.
    public func check(files: [ServedFile], options: CheckOptions) -> [Diagnostic] {
        if let unreadable { return [unreadable] }
        return BCDCheck.check(store: model, files: files, options: options)
    }
}
