import ArgumentParser
import BCDKit
import Foundation

/// `--store FILE` (bcdedit's /store), shared by every store verb. BCD_STORE is the fallback.
struct StoreOptions: ParsableArguments {
    @Option(name: [.customLong("store")], help: "The BCD store file to use (or set BCD_STORE).")
    var store: String?

    @Flag(name: [.customLong("no-backup")], help: "Do not keep the previous file as STORE.bak when saving.")
    var noBackup = false

    var path: String {
        get throws {
            if let store { return store }
            if let fromEnvironment = ProcessInfo.processInfo.environment["BCD_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
            throw CLIFailure("no store named: give --store FILE (there is no system store on Linux)")
        }
    }

    func open() throws -> StoreFile {
        let file = try StoreFile.open(path)
        for warning in file.warnings { printError("warning: " + warning) }
        return file
    }

    /// Opens the store, applies `edit` to a copy, and saves it safely.
    @discardableResult
    func edit<T>(_ edit: (inout BCDStore) throws -> T) throws -> T {
        let file = try open()
        var store = file.saved
        let result = try edit(&store)
        try file.save(store, keepBackup: !noBackup)
        return result
    }
}

/// A failure already phrased for the user.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("bcd: " + message + "\n").utf8))
}

/// Runs a command body: any error becomes one line on stderr and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        printError(String(describing: error))
        throw ExitCode(1)
    }
}

let operationCompleted = "The operation completed successfully."

/// Writes bytes to standard output as they are (no String made of them), after anything print
/// buffered; EPIPE and the like end the write, as print's do.
func writeStandardOutput(_ bytes: [UInt8]) {
    fflush(nil)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// Ends a read-only command once its output is written: the process's memory goes back to the
/// system whole, where freeing a 1,000-object store object by object was 5% of `bcd enum all`.
func exitLeavingTeardown() -> Never {
    fflush(nil)
    exit(EXIT_SUCCESS)
}
