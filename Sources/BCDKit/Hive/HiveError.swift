import Glibc

public enum HiveError: Error, Equatable, CustomStringConvertible {
    case openFailed(path: String, reason: String)
    case corrupt(reason: String)
    case writeFailed(reason: String)

    public var description: String {
        switch self {
        case .openFailed(let path, let reason): return "cannot open \(path) as a registry hive: \(reason)"
        case .corrupt(let reason): return "corrupt hive: \(reason)"
        case .writeFailed(let reason): return reason
        }
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
