import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn in this process's own process group, so that a
/// terminal-attached child (QEMU's serial console on stdio) stays in the terminal's foreground
/// group. (Foundation's Process puts children in a group of their own, where touching the
/// terminal stops them.)
final class ChildProcess {
    let pid: pid_t
    private var status: Int32?

    /// - Parameters:
    ///   - inheritTerminal: keep stdin/stdout; otherwise they are /dev/null.
    ///   - stderrPath: a file for the child's standard error.
    init(path: String, arguments: [String], inheritTerminal: Bool, stderrPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !inheritTerminal {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw BootFailure("cannot start \(path): \(String(cString: strerror(rc)))") }
        pid = child
    }

    var isRunning: Bool {
        if status != nil { return false }
        var s: Int32 = 0
        let r = waitpid(pid, &s, WNOHANG)
        if r == pid { status = s; return false }
        return r == 0
    }

    func signal(_ sig: Int32) { if isRunning { kill(pid, sig) } }

    /// Waits for the child to exit; its exit status (128 + signal when killed).
    @discardableResult
    func wait() -> Int32 {
        if status == nil {
            var s: Int32 = 0
            while waitpid(pid, &s, 0) < 0 && errno == EINTR {}
            status = s
        }
        let s = status!
        if s & 0x7F == 0 { return (s >> 8) & 0xFF }
        return 128 + (s & 0x7F)
    }
}
