import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client for QEMU's QMP (JSON over a unix socket): capabilities negotiation, commands,
/// and the asynchronous events (SHUTDOWN, STOP) that arrive between replies.
final class QMPClient {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Events received so far (their "event" names), oldest first.
    private(set) var events: [String] = []

    /// Connects to `path`, retrying until `deadline` (QEMU creates the socket as it starts).
    init(path: String, deadline: Date, alive: () -> Bool) throws {
        var connected: Int32 = -1
        while Date() < deadline {
            let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard s >= 0 else { throw BootFailure("socket(): \(String(cString: strerror(errno)))") }
            var addr = sockaddr_un()
            addr.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { close(s); throw BootFailure("QMP socket path too long: \(path)") }
            withUnsafeMutableBytes(of: &addr.sun_path) { raw in
                for (i, b) in bytes.enumerated() { raw[i] = b }
            }
            let rc = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if rc == 0 { connected = s; break }
            close(s)
            if !alive() { break }
            usleep(50_000)
        }
        guard connected >= 0 else { throw BootFailure("could not connect to QEMU's QMP socket \(path)") }
        fd = connected
        // Greeting, then capabilities negotiation.
        guard try readMessage(timeout: 10)?["QMP"] != nil else { throw BootFailure("QMP: no greeting from QEMU") }
        _ = try execute("qmp_capabilities")
    }

    deinit { close(fd) }

    /// Runs a command and returns its "return" value; throws with QEMU's error description.
    @discardableResult
    func execute(_ command: String, _ arguments: [String: Any]? = nil, timeout: Double = 30) throws -> Any? {
        var message: [String: Any] = ["execute": command]
        if let arguments { message["arguments"] = arguments }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0x0A)
        try data.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                // MSG_NOSIGNAL: a QEMU that has just exited (Ctrl-A X) gives EPIPE, not a SIGPIPE
                // that would kill bcd before it reports.
                let n = send(fd, raw.baseAddress! + off, raw.count - off, Int32(MSG_NOSIGNAL))
                if n <= 0 { throw BootFailure("QMP: write failed (QEMU gone?)") }
                off += n
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let reply = try readMessage(timeout: deadline.timeIntervalSinceNow) else { break }
            if let event = reply["event"] as? String { events.append(event); continue }
            if let error = reply["error"] as? [String: Any] {
                throw BootFailure("QMP \(command): \(error["desc"] as? String ?? "error")")
            }
            if reply.keys.contains("return") { return reply["return"] }
        }
        throw BootFailure("QMP \(command): no reply")
    }

    /// Reads whatever events have arrived, waiting at most `timeout` seconds for the first.
    func pollEvents(timeout: Double) -> [String] {
        var got: [String] = []
        var wait = timeout
        while let message = try? readMessage(timeout: wait) {
            if let event = message["event"] as? String {
                // SHUTDOWN from the guest (poweroff) or from the host (Ctrl-A X, a signal).
                var name = event
                if event == "SHUTDOWN", let data = message["data"] as? [String: Any], (data["guest"] as? Bool) == false {
                    name = "SHUTDOWN:host"
                }
                events.append(name)
                got.append(name)
                // A reset with -no-reboot ends as SHUTDOWN, reason guest-reset (a triple fault).
                if event == "SHUTDOWN", let data = message["data"] as? [String: Any], data["reason"] as? String == "guest-reset" {
                    events.append("SHUTDOWN:guest-reset")
                    got.append("SHUTDOWN:guest-reset")
                }
            }
            wait = 0
        }
        return got
    }

    /// One JSON object (QMP sends one per line), or nil when none arrives in time.
    private func readMessage(timeout: Double) throws -> [String: Any]? {
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
                return object
            }
            let remaining = deadline.timeIntervalSinceNow
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(max(0, min(remaining, 60)) * 1000))
            if ready <= 0 { return nil }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { throw BootFailure("QMP: connection closed") }
            buffer += chunk[..<n]
        }
    }
}
