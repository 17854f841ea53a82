import BootCore
import Glibc

/// Rewrites a store's temporary file compactly (BootCore's RegistryHiveWriter). Always, on
/// every save: hivex never reuses a freed cell, so without it each save grows the file; the
/// rewrite is linear in the store's size (a few milliseconds for 1,000 objects) and a single
/// save path is simpler to trust than one that compacts only past some share of waste.
/// The result replaces the temporary file (never the store itself), flushed to disk; the
/// caller re-reads it through hivex before renaming it over the store.
enum StoreCompaction {
    static func compact(_ scratch: String, mode: mode_t, for path: String) throws(StoreError) {
        let bytes = try PosixFile.readAll(scratch)
        let compact: [UInt8]
        do {
            compact = try RegistryHive(bytes: bytes).compacted()
        } catch {
            throw .writeFailed(path: path, reason: "cannot compact the written hive: \(error.message)")
        }
        guard unlink(scratch) == 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        try PosixFile.writeNew(scratch, compact, mode: mode)
    }
}
