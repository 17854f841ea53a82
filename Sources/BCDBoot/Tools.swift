import Foundation

/// External programs: where they are, and running them to completion.
enum Tools {
    /// Debian packages that provide each tool (what scripts/install-deps.sh installs).
    static let packages: [String: String] = [
        "qemu-system-x86_64": "qemu-system-x86", "mformat": "mtools", "mcopy": "mtools", "mmd": "mtools",
        "make": "make", "timeout": "coreutils",
        "openssl": "openssl", "sbsign": "sbsigntool", "sbverify": "sbsigntool",
        "virt-fw-vars": "virt-firmware from PyPI",
        "mkfs.fat": "dosfstools", "syslinux": "syslinux",
    ]

    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        // mkfs.fat is in /usr/sbin, which a user's PATH often lacks.
        let dirs: [String] = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        for dir in dirs {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func require(_ tool: String) throws -> String {
        guard let path = find(tool) else {
            let package = packages[tool].map { " (Debian package \($0); scripts/install-deps.sh installs it)" } ?? ""
            throw BootFailure("missing tool '\(tool)'\(package)")
        }
        return path
    }

    /// Runs `tool args`, returns its output; throws with the output when it fails.
    @discardableResult
    static func run(_ tool: String, _ args: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try require(tool))
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw BootFailure("\(tool) \(args.joined(separator: " ")) failed: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return text
    }
}
