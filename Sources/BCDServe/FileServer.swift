import FlyingFox
import Foundation

/// The request handler: GET and HEAD of the table's names, read-only.
///
/// 200 the whole file, 206 one byte range (`Content-Range: bytes A-B/N`), 416 a range past the
/// end (`Content-Range: bytes */N`), 404 a name not in the table (including any path with
/// `..` or another slash), 403 a file whose real path leaves the workspace, 405 any other
/// method (`Allow: GET, HEAD`). Every request is logged.
struct FileServer: HTTPHandler {
    let table: ServedTable
    let log: RequestLog
    /// Bytes a body read hands to the socket at once.
    static let chunkSize = 256 * 1024

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        var record = RequestRecord(method: request.method.rawValue, path: request.path, status: 0, bytes: 0, seconds: 0,
                                   client: request.remoteAddress.map(Self.describe))
        func reply(_ status: HTTPStatusCode, _ headers: HTTPHeaders = [:], body: [UInt8] = []) -> HTTPResponse {
            record.status = status.code
            record.bytes = UInt64(body.count)
            record.seconds = (ContinuousClock.now - started).seconds
            log.add(record)
            return HTTPResponse(statusCode: status, headers: headers, body: Data(body))
        }

        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return reply(.methodNotAllowed, [HTTPHeader("Allow"): "GET, HEAD"], body: Array("read-only: GET and HEAD only\n".utf8))
        }
        switch table.lookup(path: request.path, host: request.headers[.host]) {
        case .notFound:
            return reply(.notFound, body: Array("no such file\n".utf8))
        case .outside:
            return reply(.forbidden, body: Array("outside the workspace\n".utf8))
        case .bytes(let bytes):
            if isHead { return reply(.ok, [.contentLength: String(bytes.count), .contentType: "text/plain"]) }
            return reply(.ok, [.contentType: "text/plain"], body: bytes)
        case .file(let path, let size):
            var headers: HTTPHeaders = [.acceptRanges: "bytes", .contentType: "application/octet-stream"]
            let wanted: Range<UInt64>
            let status: HTTPStatusCode
            switch ByteRange(header: request.headers[.range], fileSize: size) {
            case .unsatisfiable:
                return reply(.rangeNotSatisfiable, [.contentRange: "bytes */\(size)"])
            case .whole:
                wanted = 0..<size
                status = .ok
            case .partial(let range):
                wanted = range
                status = .partialContent
                record.range = "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(size)"
                headers[.contentRange] = record.range
            }
            if isHead {
                headers[.contentLength] = String(wanted.count)
                return reply(status, headers)
            }
            guard let file = OpenFile(path: path) else { return reply(.notFound, body: Array("unreadable\n".utf8)) }
            record.status = status.code
            let meter = TransferMeter(record: record, started: started, log: log)
            let body = MeteredFileBody(file: file, range: wanted, meter: meter)
            return HTTPResponse(statusCode: status, headers: headers,
                                body: HTTPBodySequence(from: body, count: Int(wanted.count), suggestedBufferSize: Self.chunkSize))
        }
    }

    static func describe(_ address: HTTPRequest.Address) -> String {
        switch address {
        case .ip4(let ip, let port): return "\(ip):\(port)"
        case .ip6(let ip, let port): return "[\(ip)]:\(port)"
        case .unix(let path): return path
        }
    }
}
