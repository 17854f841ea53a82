import Foundation

/// Builds loader/build/loader.efi with `make -C loader loader` when it is missing or older than
/// any file under loader/ (outside build/, tests/ and the stand-in's standin/, documentation
/// aside) or Sources/BootCore.
public enum LoaderBuild {
    public static func loaderPath(sourceRoot: String, platform: FirmwarePlatform = .uefi) -> String {
        sourceRoot + "/loader/build/" + fileName(platform)
    }
    /// loader.efi, or for BIOS loader.lkrn (the bzImage `make -C loader bios` builds).
    public static func fileName(_ platform: FirmwarePlatform) -> String { platform == .bios ? IpxeScript.biosLoaderName : "loader.efi" }
    /// The make goal that builds it.
    static func goal(_ platform: FirmwarePlatform) -> String { platform == .bios ? "bios" : "loader" }

    /// loader.efi's modification time (nil: missing).
    public static func loaderDate(sourceRoot: String, platform: FirmwarePlatform = .uefi) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: loaderPath(sourceRoot: sourceRoot, platform: platform)))?[.modificationDate] as? Date
    }

    /// The newest source file that is newer than the loader, or nil when the loader is current.
    /// Returns "(missing)" when there is no loader yet.
    public static func staleReason(sourceRoot: String, platform: FirmwarePlatform = .uefi) -> String? {
        let fm = FileManager.default
        let loader = loaderPath(sourceRoot: sourceRoot, platform: platform)
        let name = fileName(platform)
        guard let built = (try? fm.attributesOfItem(atPath: loader))?[.modificationDate] as? Date else { return "\(name) is missing" }
        for dir in [sourceRoot + "/loader", sourceRoot + "/Sources/BootCore"] {
            guard let walker = fm.enumerator(atPath: dir) else { continue }
            while let rel = walker.nextObject() as? String {
                if dir.hasSuffix("/loader") && (rel == "build" || rel == "tests" || rel == "standin") { walker.skipDescendants(); continue }
                if rel.hasPrefix(".") || rel.contains("/.") || rel.hasSuffix(".md") { continue }
                let path = dir + "/" + rel
                guard let attrs = try? fm.attributesOfItem(atPath: path), attrs[.type] as? FileAttributeType == .typeRegular,
                      let date = attrs[.modificationDate] as? Date else { continue }
                if date > built { return "\(path.dropFirst(sourceRoot.count + 1)) is newer than \(name)" }
            }
        }
        return nil
    }

    /// Runs `make -C loader loader`, passing each output line to `output`. Throws with the tail of the
    /// output (the compiler's error) when the build fails.
    public static func build(sourceRoot: String, platform: FirmwarePlatform = .uefi, output: (String) -> Void) throws {
        let goal = goal(platform)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-C", sourceRoot + "/loader", goal]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw BootFailure("cannot run make: \(error)") }
        var tail: [String] = []
        var allErrors: [String] = []
        var pending = Data()
        let handle = pipe.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let nl = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<nl], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...nl)
                output(line)
                tail.append(line)
                if tail.count > 30 { tail.removeFirst() }
                if line.contains(": error:") && !line.hasPrefix(" ") && allErrors.count < 50 { allErrors.append(line) }
            }
        }
        if !pending.isEmpty {
            let line = String(decoding: pending, as: UTF8.self)
            output(line)
            tail.append(line)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // The compiler's own lines (file:line: error: ...), once each; else make's last words.
            var errors: [String] = []
            for line in allErrors where !errors.contains(line) { errors.append(line) }
            if errors.isEmpty { errors = tail.filter { $0.contains("rror") } }
            throw BootFailure("make -C loader \(goal) failed (status \(process.terminationStatus))"
                              + (errors.isEmpty ? "" : ":\n" + errors.suffix(10).joined(separator: "\n")))
        }
        guard FileManager.default.fileExists(atPath: loaderPath(sourceRoot: sourceRoot, platform: platform)) else {
            throw BootFailure("make -C loader \(goal) succeeded but \(loaderPath(sourceRoot: sourceRoot, platform: platform)) is missing")
        }
    }
}
