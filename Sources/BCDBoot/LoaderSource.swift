import Foundation

/// Where `bcd boot` and `bcd serve` take loader.efi from.
///
/// - In a source tree (a directory holding loader/Makefile above the executable or the current
///   directory, or $BCD_SOURCE_ROOT), the loader is built there with make when stale (LoaderBuild).
/// - Installed (the Debian package), the loader is the prebuilt one in ../lib/bcd/ beside the
///   executable's bin/ directory (/usr/bin/bcd → /usr/lib/bcd/loader.efi), used as it is.
public enum LoaderSource: Sendable, Equatable {
    case sourceTree(root: String)
    case installed(directory: String)

    /// loader.efi's path.
    public var loaderPath: String {
        switch self {
        case .sourceTree(let root): return LoaderBuild.loaderPath(sourceRoot: root)
        case .installed(let directory): return directory + "/loader.efi"
        }
    }

    /// The loader for `platform`: loader.efi, or loader.lkrn for BIOS.
    public func loaderPath(for platform: FirmwarePlatform) -> String {
        switch self {
        case .sourceTree(let root): return LoaderBuild.loaderPath(sourceRoot: root, platform: platform)
        case .installed(let directory): return directory + "/" + LoaderBuild.fileName(platform)
        }
    }

    /// The source tree when there is one, else the installed loader; nil when neither exists.
    /// (`platform`: which installed loader must exist, loader.efi or loader.lkrn.)
    public static func find(platform: FirmwarePlatform = .uefi) -> LoaderSource? {
        if let root = BootRequest.findSourceRoot() { return .sourceTree(root: root) }
        if let directory = installedDirectory(), FileManager.default.fileExists(atPath: directory + "/" + LoaderBuild.fileName(platform)) {
            return .installed(directory: directory)
        }
        return nil
    }

    /// PREFIX/lib/bcd for an executable at PREFIX/bin/bcd (default: the running one; symbolic
    /// links resolved); nil when the executable is not in a bin/ directory.
    static func installedDirectory(executable: String? = nil) -> String? {
        guard let exe = executable ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) else { return nil }
        let bin = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
        guard bin.lastPathComponent == "bin" else { return nil }
        return bin.deletingLastPathComponent().appendingPathComponent("lib/bcd").path
    }

    /// What a caller says when `find()` is nil.
    public static let notFoundMessage = "cannot find the loader: no source tree (loader/Makefile; set BCD_SOURCE_ROOT) and no installed loader.efi (PREFIX/lib/bcd beside PREFIX/bin/bcd)"

    /// Builds the loader first when it comes from a source tree and is stale; an installed loader
    /// must exist. Returns whether a build ran.
    public func prepare(platform: FirmwarePlatform = .uefi, progress: (String) -> Void) throws -> Bool {
        let name = LoaderBuild.fileName(platform)
        switch self {
        case .sourceTree(let root):
            guard let reason = LoaderBuild.staleReason(sourceRoot: root, platform: platform) else {
                progress("build: \(name) is up to date")
                return false
            }
            progress("build: \(reason); running make -C loader \(LoaderBuild.goal(platform))")
            _ = try Tools.require("make")
            let before = LoaderBuild.loaderDate(sourceRoot: root, platform: platform)
            try LoaderBuild.build(sourceRoot: root, platform: platform) { line in progress("build: \(line)") }
            return LoaderBuild.loaderDate(sourceRoot: root, platform: platform) != before
        case .installed:
            let path = loaderPath(for: platform)
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw BootFailure("the installed loader \(path) is missing (reinstall the bcd package)")
            }
            progress("build: using the installed \(path)")
            return false
        }
    }
}
