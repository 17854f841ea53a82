/// One observation about an SDI file: what was found, or what is wrong with it.
public struct SdiFinding {
    public enum Level: Equatable {
        /// A fact worth reporting ("PART blob holds an NTFS boot sector").
        case info
        /// Unusual but bootable ("leftover TOC record without a type").
        case warning
        /// Will not boot, or not an SDI at all.
        case error
    }
    public let level: Level
    public let message: String

    public init(_ level: Level, _ message: String) {
        self.level = level
        self.message = message
    }

    public var levelName: String {
        switch level {
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }
}

/// What the SDI reader saw: the header fields, the blobs, and the findings in reading order.
public struct SdiReport {
    public var mdbType: UInt64 = 0
    public var bootCodeOffset: UInt64 = 0
    public var bootCodeSize: UInt64 = 0
    public var pageAlignment: UInt64 = 0
    public var storedChecksum: UInt8 = 0
    public var computedChecksum: UInt8 = 0
    public var blobs: [SdiBlob] = []
    public var findings: [SdiFinding] = []

    /// True when nothing is at error level.
    public var isValid: Bool { !findings.contains { $0.level == .error } }

    public func blob(ofType type: String) -> SdiBlob? { blobs.first { sameBytes($0.type, type) } }

    mutating func note(_ message: String) { findings.append(SdiFinding(.info, message)) }
    mutating func warn(_ message: String) { findings.append(SdiFinding(.warning, message)) }
    mutating func fail(_ message: String) { findings.append(SdiFinding(.error, message)) }
}
