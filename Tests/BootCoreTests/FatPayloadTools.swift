import Foundation
import BootCore
import TestSupport

/// Host tools the payload tests compare against (dosfstools, mtools, cpio, mkntfs, file).
/// A missing tool is a failure with a clear message, never a skip.
enum PayloadTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Output {
        let status: Int32
        let stdout: Data
        let stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func path(of tool: String) throws -> String {
        do { return try Programs.which(tool) } catch { throw Failure(description: "\(error)") }
    }

    /// Runs a tool in the C locale, mtools' geometry check off.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:],
                    currentDirectory: URL? = nil, stdin: Data? = nil) throws -> Output {
        var env = ["MTOOLS_SKIP_CHECK": "1", "LC_ALL": "C"]
        for (k, v) in environment { env[k] = v }
        let result = try Programs.run(try path(of: tool), arguments, environment: env, currentDirectory: currentDirectory, stdin: stdin)
        return Output(status: result.status, stdout: result.stdoutData, stderr: result.stderr)
    }

    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bootcore-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Deterministic pseudo-random bytes (so failures reproduce).
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    /// Writes a virtual disk to `url` as a sparse file (all-zero sectors are skipped).
    static func write<S: ByteSource>(_ disk: VirtualFatDisk<S>, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var chunk = [UInt8](repeating: 0, count: 512)
        for lba in 0..<disk.sectorCount {
            let ok = chunk.withUnsafeMutableBytes { disk.readSector(lba, into: $0) }
            guard ok else { throw Failure(description: "sector \(lba) could not be read") }
            if chunk.contains(where: { $0 != 0 }) {
                try handle.seek(toOffset: lba * 512)
                try handle.write(contentsOf: chunk)
            }
        }
        try handle.truncate(atOffset: disk.sectorCount * 512)
    }
}
