import FlyingFox
import FlyingSocks
import Foundation

/// An HTTP server for a served table (FlyingFox, on its own tasks), driven from synchronous
/// code: `start` returns once it listens, `stop` once it has stopped.
public final class WorkspaceServer: @unchecked Sendable {
    public let log: RequestLog
    public let host: String
    /// The port it listens on (the one asked for, or the ephemeral one the system chose for 0).
    public private(set) var port: UInt16 = 0
    private let server: HTTPServer
    private var task: Task<Void, any Error>?

    /// Why the server could not start.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// - Parameters:
    ///   - host: an IPv4 address to listen on (127.0.0.1, 0.0.0.0 for every interface).
    ///   - port: 0 for an ephemeral port.
    public init(table: ServedTable, host: String = "127.0.0.1", port: UInt16 = 0, log: RequestLog = RequestLog()) throws {
        self.log = log
        self.host = host
        let address: sockaddr_in
        do {
            address = try .inet(ip4: host, port: port)
        } catch {
            throw Failure(description: "\(host): not an IPv4 address to listen on")
        }
        server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: FileServer(table: table, log: log))
    }

    /// Starts listening; throws when the address cannot be bound (in use, not this machine's).
    public func start(timeout: Double = 10) throws {
        let server = self.server
        let failure = Box<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        task = Task.detached {
            do { try await server.run() } catch { failure.set(error) }
            done.signal()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let bound = Self.port(of: Self.blocking { await server.listeningAddress }) {
                port = bound
                return
            }
            if done.wait(timeout: .now() + 0.02) == .success {
                throw Failure(description: "cannot listen on \(host): \(failure.value.map { "\($0)" } ?? "the server stopped")")
            }
        }
        throw Failure(description: "the server did not start listening on \(host) within \(Int(timeout)) s")
    }

    /// Stops accepting, lets replies in progress end for up to `grace` seconds, then closes.
    public func stop(grace: Double = 1) {
        let server = self.server
        Self.blocking { await server.stop(timeout: grace) }
        task?.cancel()
        task = nil
    }

    /// The server's own base URL for clients that reach it as `host` (default: the address it listens on).
    public func baseURL(host reached: String? = nil) -> String { "http://\(reached ?? host):\(port)/" }

    static func port(of address: Socket.Address?) -> UInt16? {
        if case .ip4(_, let port)? = address { return port }
        return nil
    }

    /// Runs async work from synchronous code (the CLI's main thread, BootSession); never call it
    /// from a task: it blocks its thread until the work is done.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let result = Box<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            result.set(await work())
            done.signal()
        }
        done.wait()
        return result.value!
    }
}

/// A value set by one task and read by the thread waiting for it.
final class Box<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ value: T) { lock.lock(); stored = value; lock.unlock() }
}
