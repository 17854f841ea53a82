import BCDKit

/// Checks the store file at `path`: a store that cannot be opened becomes one
/// `store.unreadable` diagnostic (with an empty store), never an error, so every caller
/// reports it the same way.
public func check(storeAt path: String, files: [ServedFile], options: CheckOptions) -> (store: BCDStore, diagnostics: [Diagnostic]) {
    let loaded = LoadedStore(reading: path)
    return (loaded.model, loaded.check(files: files, options: options))
}
