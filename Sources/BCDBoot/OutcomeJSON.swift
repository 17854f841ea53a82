import Foundation

/// `bcd boot --json`: the outcome as one JSON document, for scripts and CI pipelines.
/// Field names are stable; absent facts are left out rather than null.
extension BootOutcome {
    public func json(timings: BootTimings) -> String {
        let document = OutcomeDocument(self, timings: timings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private struct OutcomeDocument: Encodable {
    struct File: Encodable {
        var name: String
        var paths: [String]
        var size: UInt64
        var crc32: String
        var expectedSize: UInt64?
        var expectedCRC32: String?
        var matches: Bool?
        var note: String?
    }

    struct Screen: Encodable {
        var file: String?
        var status: String
        var statusName: String?
        var meaning: String?
        var info: String?
        var keys: [String]
    }

    struct Request: Encodable {
        var file: String
        var method: String
        var status: Int
        var bytes: UInt64
        var seconds: Double
        var range: String?
    }

    struct Times: Encodable {
        var check, build, staging, emulator: Double
        var loaderRebuilt: Bool
    }

    var result: String
    var exitStatus: Int32
    var headline: String
    var details: [String]
    var files: [File]
    var loaderError: String?
    var bootManagerError: Screen?
    /// The final console screen, one string a row (empty when no boot manager screen was read).
    var screen: [String]
    var serialLog: String?
    var screenshot: String?
    /// An http-mode boot's requests (left out for other modes).
    var requests: [Request]?
    var seconds: Times

    init(_ o: BootOutcome, timings: BootTimings) {
        switch o.kind {
        case .success: result = "success"
        case .notStarted: result = "not-started"
        case .bootError: result = "boot-error"
        case .timeout: result = "timeout"
        }
        exitStatus = o.exitStatus
        headline = o.headline
        details = o.details
        files = o.files.map {
            File(name: $0.name, paths: $0.paths, size: $0.size, crc32: $0.crc32, expectedSize: $0.expectedSize,
                 expectedCRC32: $0.expectedCRC, matches: $0.matches, note: $0.note)
        }
        loaderError = o.loaderError
        bootManagerError = o.bootManagerError.map { screen in
            let known = BootManagerStatus.lookup(screen.status)
            return Screen(file: screen.file, status: "0x" + CRC32.hex(screen.status), statusName: known?.name,
                          meaning: known?.meaning, info: screen.info, keys: screen.keys)
        }
        screen = o.screen
        serialLog = o.serialLog
        screenshot = o.screenshot
        requests = o.requests.isEmpty ? nil : o.requests.map {
            Request(file: $0.file, method: $0.method, status: $0.status, bytes: $0.bytes, seconds: $0.seconds, range: $0.range)
        }
        seconds = Times(check: timings.check, build: timings.build, staging: timings.staging, emulator: timings.emulator,
                        loaderRebuilt: timings.built)
    }
}
