import BCDCheck
import BCDKit
import Foundation

/// The attached files: what `bcd boot` serves by default (the files next to the store, the
/// store itself, its logs and backups aside; the store is served as BCD), and how the
/// diagnostics check them (UEFI, the store named BCD, VHDs looked up next to the store).
enum Attachments {
    static func defaultFiles(store: String) -> [ServedFile] {
        ((try? ServedFiles.beside(store: absolute(store))) ?? [])
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The attached files as served with the store (as BCD; VHDs looked up next to the store).
    static func served(store: String, files: [ServedFile]) -> ServedFiles {
        let path = absolute(store)
        return ServedFiles(store: path, serving: .asBCD, files: files,
                           directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    static func absolute(_ store: String) -> String { URL(fileURLWithPath: store).standardizedFileURL.path }

    /// `NAME=PATH` or a path (served under its file name). Returns the file or why not.
    static func parse(_ text: String, relativeTo directory: String = FileManager.default.currentDirectoryPath) -> Result<ServedFile, Failure> {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .failure(Failure("type NAME=PATH or the path of a file")) }
        var name: String?
        var path = trimmed
        if let equals = trimmed.firstIndex(of: "="), !trimmed[..<equals].contains("/") {
            name = String(trimmed[..<equals]).trimmingSpaces()
            path = String(trimmed[trimmed.index(after: equals)...]).trimmingSpaces()
            if name?.isEmpty == true { return .failure(Failure("the name before = is empty")) }
        }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { path = home + path.dropFirst(1) }
        if !path.hasPrefix("/") { path = URL(fileURLWithPath: directory).appendingPathComponent(path).path }
        path = URL(fileURLWithPath: path).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Failure("\(path): no such file"))
        }
        if isDirectory.boolValue { return .failure(Failure("\(path) is a directory; attach its files one by one")) }
        return .success(ServedFile(name: name ?? PathText.fileName(path), path: path))
    }

    struct Failure: Error { let text: String; init(_ text: String) { self.text = text } }
}

/// The diagnostics of one store version with one set of files, checked with or without
/// Secure Boot, for UEFI or BIOS (keys appearing, `S` or `F` re-run the check).
final class CheckCache {
    private var version: UInt64 = 0
    private var filesVersion: UInt64 = 0
    private var secureBoot = false
    private var firmware = CheckOptions.Firmware.uefi
    private var cached: [Diagnostic] = []

    /// The findings if they are for this store and file version, else nil (no check run).
    func current(version: UInt64, filesVersion: UInt64, secureBoot: Bool, firmware: CheckOptions.Firmware = .uefi) -> [Diagnostic]? {
        version == self.version && filesVersion == self.filesVersion && secureBoot == self.secureBoot && firmware == self.firmware ? cached : nil
    }

    func refresh(store: BCDStore, version: UInt64, files: [ServedFile], filesVersion: UInt64, options: CheckOptions) -> [Diagnostic] {
        if version != self.version || filesVersion != self.filesVersion || options.secureBoot != secureBoot || options.firmware != firmware {
            cached = check(store: store, files: files, options: options)
                .sorted { $0.severity > $1.severity }
            self.version = version
            self.filesVersion = filesVersion
            self.secureBoot = options.secureBoot
            self.firmware = options.firmware
        }
        return cached
    }
}
