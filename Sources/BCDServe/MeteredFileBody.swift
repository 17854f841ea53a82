import FlyingSocks
import Foundation

/// A byte range of a file as a reply body, read with pread in large chunks, that logs its
/// request once the reply is done with it (fully sent, or dropped by the client): the bytes
/// that were read for the socket and the seconds since the request arrived.
struct MeteredFileBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let file: OpenFile
    let range: Range<UInt64>
    let meter: TransferMeter

    func makeAsyncIterator() -> Iterator {
        Iterator(file: file, offset: range.lowerBound, end: range.upperBound, meter: meter)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let file: OpenFile
        var offset: UInt64
        let end: UInt64
        let meter: TransferMeter

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            guard offset < end else { return nil }
            let want = Int(Swift.min(UInt64(Swift.max(count, 1)), end - offset))
            var data = Data(count: want)
            let got = data.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress, want, off_t(offset)) }
            // The file shrank or failed under us: end the body short (the client sees the
            // connection close before Content-Length bytes, and the log shows what was sent).
            guard got > 0 else { return nil }
            offset += UInt64(got)
            meter.add(UInt64(got))
            return got == want ? data : data.prefix(got)
        }
    }
}

/// A file descriptor closed when the last reply holding it is gone.
final class OpenFile: Sendable {
    let descriptor: Int32

    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    deinit { close(descriptor) }
}

/// Counts a reply's body bytes and adds its request to the log once, when it is released.
final class TransferMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: UInt64 = 0
    private let record: RequestRecord
    private let started: ContinuousClock.Instant
    private let log: RequestLog

    init(record: RequestRecord, started: ContinuousClock.Instant, log: RequestLog) {
        self.record = record
        self.started = started
        self.log = log
    }

    func add(_ count: UInt64) {
        lock.lock(); bytes += count; lock.unlock()
    }

    deinit {
        var done = record
        done.bytes = bytes
        done.seconds = (ContinuousClock.now - started).seconds
        log.add(done)
    }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
