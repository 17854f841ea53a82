import Foundation

/// How a test boot ended. The raw values are `bcd boot`'s exit statuses.
public enum OutcomeKind: Int32, Sendable {
    /// The boot manager ran and reported what it read, and every file matched the host's.
    case success = 0
    /// The boot could not be started: validation errors, loader build failure, staging or
    /// emulator start-up problems.
    case notStarted = 1
    /// The boot started and failed: a loader error, a boot manager error screen, files that
    /// arrived damaged, or a machine that stopped without a report.
    case bootError = 2
    /// No outcome within the time limit.
    case timeout = 3
}

/// One file as the stand-in boot manager read it, compared with the host's copy.
public struct FileReport: Sendable, Equatable {
    public var name: String
    /// The paths on the loader's virtual disk where the stand-in read it.
    public var paths: [String]
    public var size: UInt64
    public var crc32: String
    /// The host's expected size and CRC (nil: not a supplied file, e.g. taken from the WIM).
    public var expectedSize: UInt64?
    public var expectedCRC: String?
    public var note: String?

    public var matches: Bool? {
        guard let expectedSize, let expectedCRC else { return nil }
        return expectedSize == size && expectedCRC == crc32
    }
}

/// What the serial log says happened.
public struct BootOutcome: Sendable {
    public var kind: OutcomeKind
    /// A one-line verdict.
    public var headline: String
    /// Details, one per line, in plain language.
    public var details: [String] = []
    public var files: [FileReport] = []
    public var loaderError: String?
    public var bootManagerError: BootManagerErrorScreen?
    /// The console's final screen as text lines, when a boot manager screen was read off it.
    public var screen: [String] = []
    public var serialLog: String?
    public var screenshot: String?
    /// An http-mode boot: every request its server answered, in the order the replies ended.
    public var requests: [FetchRecord] = []

    public init(kind: OutcomeKind, headline: String, details: [String] = []) {
        self.kind = kind
        self.headline = headline
        self.details = details
    }

    public var exitStatus: Int32 { kind.rawValue }

    /// The verdict and details as printed.
    public var text: String {
        var lines = [headline] + details.map { "  " + $0 }
        if !requests.isEmpty {
            let total = requests.reduce(UInt64(0)) { $0 + $1.bytes }
            lines.append("fetched over HTTP (\(requests.count) request\(requests.count == 1 ? "" : "s"), \(total) bytes):")
            lines += requests.map { "  " + $0.line }
        }
        if !screen.isEmpty {
            lines += ["screen (as the console showed it; blank rows left out):"] + screen.filter { !$0.isEmpty }.map { "  | " + $0 }
        }
        if let serialLog { lines.append("serial log: \(serialLog)") }
        if let screenshot { lines.append("screenshot: \(screenshot)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What a file should look like to the guest: its host size and CRC as served.
public struct ExpectedFile: Sendable, Equatable {
    public var name: String
    public var size: UInt64
    public var crc32: String
    public var note: String?

    public init(name: String, size: UInt64, crc32: String, note: String? = nil) {
        self.name = name
        self.size = size
        self.crc32 = crc32
        self.note = note
    }
}
