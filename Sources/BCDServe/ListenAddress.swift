import Foundation

/// `--listen ADDR[:PORT]`: an IPv4 address and a port (0, the default: any free port).
public struct ListenAddress: Equatable, Sendable {
    public var host: String
    public var port: UInt16

    public init(host: String = "127.0.0.1", port: UInt16 = 0) {
        self.host = host
        self.port = port
    }

    /// nil unless `text` is a dotted IPv4 address, optionally followed by `:PORT` (0-65535).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        var addr = in_addr()
        guard inet_pton(AF_INET, String(parts[0]), &addr) == 1 else { return nil }
        host = String(parts[0])
        if parts.count == 2 {
            guard let p = UInt16(parts[1]) else { return nil }
            port = p
        } else {
            port = 0
        }
    }

    /// Every address on this machine's interfaces.
    public var isWildcard: Bool { host == "0.0.0.0" }

    /// The non-loopback IPv4 addresses of this machine's interfaces that are up.
    public static func localAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var out: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let sa = entry.pointee.ifa_addr, sa.pointee.sa_family == sa_family_t(AF_INET),
                  entry.pointee.ifa_flags & UInt32(IFF_UP) != 0, entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0 else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            var sin = UnsafeRawPointer(sa).loadUnaligned(as: sockaddr_in.self)
            guard inet_ntop(AF_INET, &sin.sin_addr, &text, socklen_t(text.count)) != nil else { continue }
            let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !out.contains(address) { out.append(address) }
        }
        return out
    }
}
