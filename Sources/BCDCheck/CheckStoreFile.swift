import BCDKit

/// Checks the store file at `path`: a store that cannot be opened becomes one
/// `store.unreadable` diagnostic (with an empty store), never an error, so every caller
/// reports it the same way.
public func check(storeAt path: String, files: [SuppliedFile], options: CheckOptions) -> (store: BCDStore, diagnostics: [Diagnostic]) {
    do {
        let store = try StoreFile.open(path).saved
        return (store, check(store: store, files: files, options: options))
    } catch {
        return (BCDStore(), [Rules.unreadableStore(String(describing: error))])
    }
}
