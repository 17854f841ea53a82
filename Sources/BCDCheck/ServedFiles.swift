import Foundation

/// The files a store is served with, resolved in one place from the store, `--dir DIR` and
/// `--file NAME=PATH` (or the editor's attachments), for `bcd check`, `bcd boot`,
/// `bcd ipxe-script` and the editor; `checkOptions` is the one way to the CheckOptions they imply.
public struct ServedFiles: Sendable, Equatable {
    /// How the store itself reaches the loader.
    public enum StoreServing: Sendable, Equatable {
        /// As BCD, whatever its file is called (a test boot, ipxe-script, the editor); `files`
        /// leaves the store out and `all` adds it.
        case asBCD
        /// As one of `files`, under the name it has there (`bcd check`: a store supplied as X
        /// is checked as served as X).
        case amongFiles
    }

    /// The store's path on this machine.
    public var store: String
    public var serving: StoreServing
    /// The files named or found; with `.asBCD` without the store itself.
    public var files: [ServedFile]
    /// The directory the files were found in (--dir, or the store's own directory by default);
    /// the check also looks for VHDs there.
    public var directory: String?

    public init(store: String, serving: StoreServing, files: [ServedFile], directory: String? = nil) {
        self.store = store
        self.serving = serving
        self.files = files
        self.directory = directory
    }

    /// The files as the loader serves them: with `.asBCD` the store as BCD first (unless a
    /// file is named BCD), then the others.
    public var all: [ServedFile] {
        guard serving == .asBCD, !files.contains(where: { $0.name.lowercased() == "bcd" }) else { return files }
        return [ServedFile(name: "BCD", path: store)] + files
    }

    /// The name the store is served under: BCD with `.asBCD`; with `.amongFiles` the name of
    /// the file that is the store, else the store's file name; nil when no file is served.
    public var storeName: String? {
        switch serving {
        case .asBCD: return "BCD"
        case .amongFiles:
            guard !files.isEmpty else { return nil }
            let storeReal = Self.realPath(store)
            return files.first { Self.realPath($0.path) == storeReal }?.name ?? URL(fileURLWithPath: store).lastPathComponent
        }
    }

    /// The options every check of these files runs with (the CLI, the boot's validation, the editor).
    public func checkOptions(firmware: CheckOptions.Firmware = .uefi, imageIndex: Int? = nil, memory: Int? = nil,
                             secureBoot: Bool = false) -> CheckOptions {
        CheckOptions(firmware: firmware, imageIndex: imageIndex, storeName: storeName, searchDirectory: directory, memory: memory,
                     secureBoot: secureBoot)
    }
}

extension ServedFiles {
    /// Why the files cannot be resolved (a --dir that is not a directory).
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Every file of `directory` (`.asBCD`: but the store), then each of `named`, which replaces
    /// a directory file of the same name (two named files under one name both stay: the check
    /// and the boot report them). Neither given: with `.asBCD` the files beside the store
    /// (`beside(store:)`), with `.amongFiles` none.
    public static func resolve(store: String, directory: String?, named: [ServedFile], serving: StoreServing) throws -> ServedFiles {
        var found: [ServedFile] = []
        var searched = directory
        if let directory {
            found = try inDirectory(directory)
            if serving == .asBCD {
                let storeReal = realPath(store)
                found.removeAll { realPath($0.path) == storeReal }
            }
        } else if named.isEmpty, serving == .asBCD {
            found = try beside(store: store)
            searched = URL(fileURLWithPath: store).deletingLastPathComponent().path
        }
        var fromDirectory = found.count
        for file in named {
            if let i = found.prefix(fromDirectory).firstIndex(where: { $0.name.lowercased() == file.name.lowercased() }) {
                found.remove(at: i)
                fromDirectory -= 1
            }
            found.append(file)
        }
        return ServedFiles(store: store, serving: serving, files: found, directory: searched)
    }

    /// Every regular, non-hidden file of `directory`, served under its own name, sorted by name.
    public static func inDirectory(_ directory: String) throws -> [ServedFile] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(description: "\(directory): not a directory")
        }
        var out: [ServedFile] = []
        for name in try fm.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var sub: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &sub), !sub.boolValue { out.append(ServedFile(name: name, path: path)) }
        }
        return out
    }

    /// The files served when none are named: every regular, non-hidden file next to the store
    /// (the store itself, its transaction logs and backups aside; the store is served as BCD).
    public static func beside(store: String) throws -> [ServedFile] {
        let directory = URL(fileURLWithPath: store).deletingLastPathComponent().path
        let storeReal = realPath(store)
        return try inDirectory(directory).filter { f in
            realPath(f.path) != storeReal && ![".LOG", ".LOG1", ".LOG2", ".bak"].contains { f.name.hasSuffix($0) }
        }
    }

    /// `NAME=PATH` as the command line's --file writes it; nil without a name before `=`.
    public static func pair(_ text: String) -> ServedFile? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return ServedFile(name: String(text[..<equals]), path: String(text[text.index(after: equals)...]))
    }

    static func realPath(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
}
