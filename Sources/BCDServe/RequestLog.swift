import Foundation

/// One answered request, as the server logs it and a boot report lists it.
public struct RequestRecord: Sendable, Equatable {
    public var method: String
    /// The decoded request path.
    public var path: String
    public var status: Int
    /// Body bytes sent (for a file, what reached the socket before the reply ended).
    public var bytes: UInt64
    /// From the request's arrival to the reply's last byte.
    public var seconds: Double
    /// "bytes A-B/N" for a 206 reply.
    public var range: String?
    public var client: String?

    /// The name requested (the path without its leading slash).
    public var file: String { path.hasPrefix("/") ? String(path.dropFirst()) : path }

    /// One log line: `GET /boot.wim 200 12345 bytes 0.52 s`.
    public var line: String {
        var text = "\(method) \(path) \(status) \(bytes) bytes \(String(format: "%.2f", seconds)) s"
        if let range { text += " (\(range))" }
        if let client { text += " from \(client)" }
        return text
    }
}

/// The requests a server has answered, in the order their replies ended; thread-safe.
public final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RequestRecord] = []
    private let onRecord: (@Sendable (RequestRecord) -> Void)?

    /// `onRecord` sees each record as it is added (`bcd serve` prints it).
    public init(onRecord: (@Sendable (RequestRecord) -> Void)? = nil) {
        self.onRecord = onRecord
    }

    public var records: [RequestRecord] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }

    /// Forgets the records so far (a boot restarted under TCG fetches everything again).
    public func clear() {
        lock.lock(); stored.removeAll(); lock.unlock()
    }

    func add(_ record: RequestRecord) {
        lock.lock()
        stored.append(record)
        lock.unlock()
        onRecord?(record)
    }
}
