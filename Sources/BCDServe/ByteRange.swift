/// What a request's `Range` header asks of a file of a known size (RFC 9110, section 14):
/// one range of the `bytes` unit, `first-last`, `first-` or `-suffix` (the last `suffix` bytes).
///
/// A header the server may ignore (section 14.2: another unit, a malformed value, or several
/// ranges, which would need a multipart/byteranges reply) means the whole file (200). A range
/// starting at or past the end, or a zero-length suffix, cannot be satisfied (416).
public enum ByteRange: Equatable, Sendable {
    case whole
    /// The bytes to send (never empty, never past the end); the reply is 206.
    case partial(Range<UInt64>)
    case unsatisfiable

    public init(header: String?, fileSize: UInt64) {
        guard let header else { self = .whole; return }
        let value = header.trimmingSpaces
        guard value.lowercased().hasPrefix("bytes=") else { self = .whole; return }
        let spec = value.dropFirst("bytes=".count).trimmingSpaces
        // Several ranges: served whole rather than as multipart/byteranges.
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .whole; return }
        let firstText = spec[..<dash].trimmingSpaces
        let lastText = spec[spec.index(after: dash)...].trimmingSpaces
        if firstText.isEmpty {
            // "-N": the last N bytes.
            guard let suffix = Self.number(lastText) else { self = .whole; return }
            guard suffix > 0, fileSize > 0 else { self = .unsatisfiable; return }
            self = .partial((fileSize - min(suffix, fileSize))..<fileSize)
            return
        }
        guard let first = Self.number(firstText) else { self = .whole; return }
        var last = fileSize == 0 ? 0 : fileSize - 1
        if !lastText.isEmpty {
            guard let given = Self.number(lastText), given >= first else { self = .whole; return }
            last = min(given, last)
        }
        guard first < fileSize else { self = .unsatisfiable; return }
        self = .partial(first..<(last + 1))
    }

    /// Digits only (no sign, no spaces), within UInt64.
    static func number(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return UInt64(text)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
