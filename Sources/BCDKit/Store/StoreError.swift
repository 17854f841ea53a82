/// Every way opening, editing or saving a store can fail; each says what to do in one line.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case notAHive(path: String)
    case transactionLog(path: String, fileType: UInt32)
    case damaged(path: String, reason: String)
    case truncated(path: String, expected: UInt64, actual: UInt64)
    case notAStore(path: String, reason: String)
    case readOnly(path: String)
    case changedOnDisk(path: String)
    case alreadyExists(path: String)
    case writeFailed(path: String, reason: String)
    case hive(String)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .notAHive(let path): return "\(path) is not a BCD store: it is not a registry hive (no 'regf' header)"
        case .transactionLog(let path, let type):
            return "\(path) is a registry transaction log (base block type \(type)), not a BCD store; open the store file itself (usually named BCD)"
        case .damaged(let path, let reason): return "\(path) is damaged: \(reason)"
        case .truncated(let path, let expected, let actual):
            return "\(path) is truncated: the header declares \(expected) bytes but the file has \(actual)"
        case .notAStore(let path, let reason): return "\(path) is a registry hive but not a BCD store: \(reason)"
        case .readOnly(let path): return "\(path) is read-only: nothing was written"
        case .changedOnDisk(let path):
            return "\(path) changed on disk since it was opened: not saved, to avoid losing the other change (reopen it and redo the edit)"
        case .alreadyExists(let path): return "\(path) already exists: not overwritten"
        case .writeFailed(let path, let reason): return "\(path): save failed, the store is unchanged: \(reason)"
        case .hive(let message): return message
        }
    }
}
