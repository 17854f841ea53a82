import Foundation

/// A note that KVM failed on this machine, so that later boots start QEMU with TCG at once
/// instead of paying for a KVM attempt first (on a host whose /dev/kvm opens but cannot run
/// the guest, e.g. nested virtualization without the needed features, every boot used to
/// start QEMU twice).
///
/// The note is one file, `$XDG_CACHE_HOME/bcd/kvm-failed` (else `~/.cache/bcd/kvm-failed`):
/// its first line names the kernel and the QEMU binary it was made with, its second line is
/// QEMU's error. It counts only while that first line still matches, so a kernel or QEMU
/// upgrade, or another machine sharing the home directory, tries KVM again. Deleting the
/// file does too.
public struct KvmFailureNote: Sendable, Equatable {
    public var path: String
    /// Kernel release and QEMU binary (path, size, modification time) the note is valid for.
    public var identity: String

    public init(path: String, identity: String) {
        self.path = path
        self.identity = identity
    }

    /// The note for `qemu` in this user's cache directory (nil without a home or cache dir).
    public static func standard(qemu: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> KvmFailureNote? {
        let cache: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { cache = xdg }
        else if let home = environment["HOME"], home.hasPrefix("/") { cache = home + "/.cache" }
        else { return nil }
        return KvmFailureNote(path: cache + "/bcd/kvm-failed", identity: identity(qemu: qemu))
    }

    /// "kernel RELEASE; qemu PATH SIZE MTIME".
    static func identity(qemu: String) -> String {
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: qemu)
        let size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
        let mtime = Int((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        return "kernel \(release); qemu \(qemu) \(size) \(mtime)"
    }

    /// KVM failed before with this kernel and this QEMU.
    public var isRecorded: Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) == identity
    }

    /// The error QEMU gave when the note was made.
    public var recordedError: String? {
        guard isRecorded, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n")
        return lines.count > 1 ? String(lines[1]) : nil
    }

    /// Writes the note (a temporary file renamed over it). Returns false if it could not.
    @discardableResult
    public func record(error: String) -> Bool {
        let dir = (path as NSString).deletingLastPathComponent
        let temp = path + ".\(getpid()).tmp"
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try (identity + "\n" + error.replacingOccurrences(of: "\n", with: " ") + "\n").write(toFile: temp, atomically: false, encoding: .utf8)
            guard rename(temp, path) == 0 else { try? FileManager.default.removeItem(atPath: temp); return false }
            return true
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            return false
        }
    }
}
