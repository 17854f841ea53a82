import Foundation
import BootCore

/// wimlib's command-line tools (Debian wimtools) and the file trees the WIM tests capture.
/// A missing tool is a test failure with a clear message, never a skip.
enum WIMTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func path(of tool: String) throws -> String {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/bin", "/usr/local/bin"]
        for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + tool) { return dir + "/" + tool }
        throw Failure(description: "required tool '\(tool)' is not installed (Debian package wimtools; run scripts/install-deps.sh)")
    }

    /// Runs `tool` and fails unless it exits 0; output goes to files so no pipe can fill up.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path(of: tool))
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("wimtool-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(text)")
        }
    }

    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bootcore-wim-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func capture(_ tree: URL, to wim: URL, compression: String, chunkSize: Int? = nil,
                        name: String = "one", extra: [String] = []) throws {
        var args = [tree.path, wim.path, name, "--compress=\(compression)", "--no-acls"]
        if let chunkSize { args.append("--chunk-size=\(chunkSize)") }
        try run("wimcapture", args + extra)
    }

    static func load(_ url: URL) throws -> MemorySource {
        MemorySource([UInt8](try Data(contentsOf: url)))
    }
}

/// Deterministic pseudo-random bytes (xorshift64*), so failures reproduce.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed | 1 }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2685821657736338717
    }
    mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var i = 0
        while i < count {
            var word = next()
            for _ in 0..<8 where i < count {
                out[i] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                i += 1
            }
        }
        return out
    }
}

/// Builds file trees with the shapes the WIM format finds interesting.
enum WIMTestTree {
    /// Compressible text: repeated words with varying numbers.
    static func text(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = TestRandom(seed: seed)
        let words = ["boot", "manager", "Windows", "sources", "EFI", "wim", "chunk", "LZX", "XPRESS", "\r\n", " ", "0x"]
        var out: [UInt8] = []
        out.reserveCapacity(count + 16)
        while out.count < count {
            let r = random.next()
            out += Array(words[Int(r % UInt64(words.count))].utf8)
            if r & 0x300 == 0 { out += Array(String(r % 100_000).utf8) }
        }
        return Array(out.prefix(count))
    }

    /// x86-like code: many E8 (CALL) opcodes with plausible 32-bit operands, so LZX's
    /// call translation is exercised, mixed with repeats so matches happen.
    static func x86ish(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = TestRandom(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(count + 16)
        while out.count < count {
            let r = random.next()
            switch r % 4 {
            case 0:
                out.append(0xE8)
                let target = Int32(truncatingIfNeeded: Int64(r >> 8) % 40_000 - 20_000)
                withUnsafeBytes(of: target.littleEndian) { out += $0 }
            case 1:
                out += [0x48, 0x89, 0xE5, 0x55, 0xC3]
            case 2:
                out += random.bytes(Int(r >> 40) % 7 + 1)
            default:
                let back = min(out.count, Int(r >> 20) % 300)
                if back > 8 { out += out[(out.count - back)..<(out.count - back + 8)] }
            }
        }
        return Array(out.prefix(count))
    }

    /// Writes a tree and returns every file's relative path ('/' separated) and content.
    @discardableResult
    static func make(at root: URL, chunkSize: Int, seed: UInt64, large: Bool = true) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var random = TestRandom(seed: seed)
        files["empty.bin"] = []
        files["one.bin"] = [0x5A]
        files["ExactChunk.bin"] = random.bytes(chunkSize)
        files["exact-text-chunk.txt"] = text(chunkSize, seed: seed &+ 1)
        files["Sources/boot.wim"] = random.bytes(3 * chunkSize + 1234)
        files["Sources/Setup.TXT"] = text(large ? 5 * chunkSize + 77 : 40_000, seed: seed &+ 2)
        files["Windows/System32/winload.efi"] = x86ish(large ? 2 * chunkSize + 999 : 70_000, seed: seed &+ 3)
        files["Windows/System32/small.dll"] = x86ish(1000, seed: seed &+ 4)
        files["Boot/Fonts/wgl4_boot.ttf"] = text(chunkSize - 1, seed: seed &+ 5)
        files["Boot/Fonts/plus-one.bin"] = text(chunkSize + 1, seed: seed &+ 6)
        var deep = "deep"
        for level in 0..<14 { deep += "/level\(level)" }
        files[deep + "/bottom.txt"] = Array("at the bottom\n".utf8)
        files["Ünïcödé Ñame/файл.txt"] = Array("unicode names\n".utf8)
        files["EFI/Microsoft/Boot/BCD"] = random.bytes(8192)
        // Long matches: XPRESS's extra length byte (18+) and 16-bit length (270+) paths.
        files["Windows/zeros.bin"] = [UInt8](repeating: 0, count: 2 * chunkSize + 5)
        let pattern = Array("0123456789abcdefghijklmnopqrstuvwxyz!".utf8)
        files["Windows/pattern.txt"] = (0..<(chunkSize / 8 + 300)).flatMap { i in pattern + [UInt8(i % 7)] }
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("EmptyDir"), withIntermediateDirectories: true)
        return files
    }
}

extension WIMArchive {
    /// Every file of `image` as path -> content, walking the whole tree.
    func allFiles(_ image: WIMImage) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        func walk(_ directory: WIMDirectoryEntry, _ prefix: String) throws {
            for child in try image.listDirectory(directory) {
                let path = prefix.isEmpty ? child.name : prefix + "/" + child.name
                if child.isDirectory { try walk(child, path) } else { result[path] = try readAll(child) }
            }
        }
        try walk(image.root, "")
        return result
    }
}
