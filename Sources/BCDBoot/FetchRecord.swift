import BCDServe
import Foundation

/// One request the server of an http-mode boot answered: what iPXE fetched, how much of it
/// and how fast, as the report lists it.
public struct FetchRecord: Sendable, Equatable {
    public var file: String
    public var method: String
    public var status: Int
    public var bytes: UInt64
    /// From the request's arrival to the reply's last byte.
    public var seconds: Double
    /// "bytes A-B/N" for a byte-range reply.
    public var range: String?

    public init(file: String, method: String = "GET", status: Int, bytes: UInt64, seconds: Double, range: String? = nil) {
        self.file = file
        self.method = method
        self.status = status
        self.bytes = bytes
        self.seconds = seconds
        self.range = range
    }

    init(_ record: RequestRecord) {
        self.init(file: record.file, method: record.method, status: record.status, bytes: record.bytes,
                  seconds: record.seconds, range: record.range)
    }

    /// `boot.wim: 200, 524288000 bytes in 4.10 s (122.0 MiB/s)`.
    public var line: String {
        var text = "\(file): \(method == "GET" ? "" : method + " ")\(status), \(bytes) bytes in \(String(format: "%.2f", seconds)) s"
        if bytes >= 1 << 20, seconds > 0 { text += String(format: " (%.1f MiB/s)", Double(bytes) / Double(1 << 20) / seconds) }
        if let range { text += ", \(range)" }
        return text
    }
}
