import BootCore
import Glibc

/// A BCD store file: opened with every check, edited as a BCDStore value, saved safely
/// (temporary file in the same directory, flushed, previous file kept as NAME.bak, renamed
/// over the original; refused when the file changed on disk since it was read). Every save
/// compacts: hivex applies the edit to the temporary file, then BootCore's hive writer
/// rewrites it without free or unreachable cells (StoreCompaction) before it is flushed.
public final class StoreFile {
    public let path: String
    /// The content as last read from or written to disk.
    public private(set) var saved: BCDStore
    /// Non-fatal findings from opening: dirty sequence numbers, stray keys.
    public private(set) var warnings: [String]
    public var isReadOnly: Bool { PosixFile.isReadOnly(path) }
    /// The file's bytes as last read or written (what `saved` was read from).
    public var bytes: [UInt8] { diskBytes }

    private var diskBytes: [UInt8]

    private init(path: String, bytes: [UInt8], store: BCDStore, warnings: [String]) {
        self.path = path
        self.diskBytes = bytes
        self.saved = store
        self.warnings = warnings
    }

    /// Opens and checks a store: a primary registry hive with \Objects.
    public static func open(_ path: String) throws(StoreError) -> StoreFile {
        let bytes = try PosixFile.readAll(path)
        let base = try BaseBlock(fileBytes: bytes, path: path)
        var warnings: [String] = []
        if base.isDirty {
            warnings.append("\(path): sequence numbers differ (\(base.primarySequence) and \(base.secondarySequence)): the last write did not finish; a transaction log (BCD.LOG*) may hold newer data")
        }
        // libhivex still vets the file (its checks are the ones every other hive tool applies);
        // the objects are read from the same bytes by BootCore's reader (StoreSource).
        do { _ = try Hive(path: path, writable: false) } catch { throw .damaged(path: path, reason: error.description) }
        let source: RegistryStoreSource
        do { source = RegistryStoreSource(hive: try RegistryHive(bytes: bytes), path: path) } catch {
            throw .damaged(path: path, reason: error.message)
        }
        let (store, readWarnings) = try StoreReader.read(source, path: path)
        return StoreFile(path: path, bytes: bytes, store: store, warnings: warnings + readWarnings)
    }

    /// Creates a new, empty store (as `bcdedit /createstore`): \Description with
    /// KeyName BCD00000000, and \Objects. Refuses to overwrite an existing file.
    @discardableResult
    public static func create(_ path: String) throws(StoreError) -> StoreFile {
        if PosixFile.mode(path) != nil { throw .alreadyExists(path: path) }
        let scratch = temporaryPath(for: path)
        try PosixFile.writeNew(scratch, EmptyHive.bytes(rootName: "NewStoreRoot", timestamp: windowsNow()), mode: 0o644)
        defer { unlink(scratch) }
        do {
            let hive = try Hive(path: scratch, writable: true)
            try StoreWriter.initialize(hive)
            try hive.commit(to: scratch)
        } catch {
            throw .writeFailed(path: path, reason: error.description)
        }
        try StoreCompaction.compact(scratch, mode: 0o644, for: path)
        guard link(scratch, path) == 0 else {
            if errno == EEXIST { throw .alreadyExists(path: path) }
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        return try open(path)
    }

    /// Saves `store` if it differs from what is on disk (or always, with `rewrite`: the file
    /// is then rewritten, and so compacted, even without changes).
    public func save(_ store: BCDStore, keepBackup: Bool = true, rewrite: Bool = false) throws(StoreError) {
        guard store != saved || rewrite else { return }
        if isReadOnly { throw .readOnly(path: path) }
        let current = try PosixFile.readAll(path)
        guard current == diskBytes else { throw .changedOnDisk(path: path) }

        StaleTemporaries.remove(for: path)
        let scratch = StoreFile.temporaryPath(for: path)
        let mode = PosixFile.mode(path).map { $0 & 0o7777 } ?? 0o644
        try PosixFile.writeNew(scratch, current, mode: mode)
        var renamed = false
        defer { if !renamed { unlink(scratch) } }
        do {
            let hive = try Hive(path: scratch, writable: true)
            try StoreWriter.apply(from: saved, to: store, in: hive)
            try hive.commit(to: scratch)
        } catch {
            throw .writeFailed(path: path, reason: error.description)
        }
        try StoreCompaction.compact(scratch, mode: mode, for: path)

        // Re-read what was written before it replaces anything.
        let written = try StoreFile.open(scratch)
        guard written.saved == store else {
            throw .writeFailed(path: path, reason: "the written file does not read back as the edited store")
        }

        if keepBackup {
            let backup = path + ".bak"
            unlink(backup)
            if link(path, backup) != 0 {
                try PosixFile.writeNew(backup, current, mode: 0o644)
            }
        }
        guard rename(scratch, path) == 0 else {
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        renamed = true
        try? PosixFile.flush(path: PosixFile.directory(of: path))
        diskBytes = written.diskBytes
        saved = store
    }

    private static func temporaryPath(for path: String) -> String {
        "\(PosixFile.directory(of: path))/\(StaleTemporaries.name(for: path))"
    }

    /// Now as a Windows FILETIME (100 ns since 1601-01-01).
    private static func windowsNow() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return (UInt64(ts.tv_sec) + 11_644_473_600) * 10_000_000 + UInt64(ts.tv_nsec) / 100
    }
}
