#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import BootCore

/// `bcd vdisk NAME=PATH... -o disk.img`: writes the virtual FAT32 disk the loader serves, the
/// WIM patched with the loose files as the loader does (BootCore's LoaderInjection).
struct VdiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vdisk",
        abstract: "Write the virtual FAT32 disk the boot loader would serve, for inspection with mtools.",
        discussion: """
            Every file appears in \\, \\Boot, \\Boot\\Fonts, \\Boot\\Resources, \\Sources, \\EFI, \\EFI\\Boot, \
            \\EFI\\Microsoft and \\EFI\\Microsoft\\Boot. The partition starts at 1 MiB:
              mdir -i disk.img@@1M ::/Sources
            As the loader does, the WIM (boot.wim, else the first *.wim) is served with the other files \
            injected into \\Windows\\System32 of its boot image (--index: another image), except BCD, \
            boot.stl, bootmgr, bootmgr.exe, *.wim, *.sdi, *.efi, *.ttf and --loader's name; --rawwim \
            serves it as it is.
            """
    )

    @Argument(help: "Files as NAME=PATH (NAME is the name on the disk), or PATH to keep the file's own name.")
    var files: [String]

    @Option(name: .shortAndLong, help: "The disk image to write.")
    var output: String

    @Flag(name: .customLong("rawwim"), help: "Serve the WIM as it is, without the loose files injected (the loader's rawwim).")
    var rawWIM = false

    @Option(name: .long, help: "The image to inject into (the loader's index=N); default: the boot image, else 1.")
    var index: Int?

    @Option(name: .long, help: "The loader's own file name among FILES (never injected).")
    var loader: String?

    @Flag(help: "Point all nine directory entries of a file at the same clusters (compact, but fsck reports cross-links).")
    var sharedClusters = false

    func run() throws {
        var names: [[UInt8]] = []
        var sources: [MappedFile] = []
        for spec in files {
            let (name, path) = Self.split(spec)
            names.append(Array(name.utf8))
            sources.append(try MappedFile(path: path))
        }
        let injection = LoaderInjection(names: names, sources: sources, rawWIM: rawWIM, index: index,
                                        loaderName: loader.map { Array($0.utf8) })
        let disk: VirtualFatDisk<LoaderServedSource<MappedFile>>
        do {
            disk = try VirtualFatDisk(files: injection.files, sharedClusters: sharedClusters)
        } catch {
            throw PayloadCommandError(error.message)
        }
        try DiskImageWriter.write(sectorCount: disk.sectorCount, to: output) { lba, buffer in disk.readSectors(lba, into: buffer) }
        let g = disk.geometry
        print("\(output): \(disk.sectorCount * 512) bytes, FAT32 partition at 1 MiB, \(g.clusterCount) clusters of \(g.bytesPerCluster) bytes")
        for (i, file) in disk.files.enumerated() {
            print("  \(file.name) (\(disk.shortNames.displayName(at: i))), \(file.size) bytes")
        }
        if let problem = injection.problem { print("  WIM served as it is, nothing injected: \(problem.message)") }
        if let wim = injection.wimInput, let view = injection.view {
            for (n, input) in injection.injected.enumerated() {
                let name = String(decoding: names[input], as: UTF8.self)
                print("  inject \(name) -> \\Windows\\System32\\\(name)\(view.files[n].replacesExisting ? " (replaces the image's)" : "")")
            }
            print("  \(String(decoding: names[wim], as: UTF8.self)) patched: \(view.size) bytes, image \(view.imageIndex)")
        }
    }

    /// "NAME=PATH" -> (NAME, PATH); a bare PATH keeps its last component as the name.
    static func split(_ spec: String) -> (String, String) {
        if let eq = spec.firstIndex(of: "="), eq != spec.startIndex {
            return (String(spec[..<eq]), String(spec[spec.index(after: eq)...]))
        }
        let name = spec.split(separator: "/").last.map(String.init) ?? spec
        return (name, spec)
    }
}

/// Writes a disk image sector by sector in 64 KiB chunks; all-zero chunks are skipped, so the
/// image is sparse (a mostly empty 4 GiB disk costs little).
enum DiskImageWriter {
    /// `sectors(lba, buffer)` fills `buffer` with `buffer.count / 512` sectors from `lba`.
    static func write(sectorCount: UInt64, to path: String,
                      sectors: (UInt64, UnsafeMutableRawBufferPointer) -> Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PayloadCommandError(path + ": " + String(cString: strerror(errno))) }
        defer { close(fd) }
        let sectorsPerChunk: UInt64 = 128
        var chunk = [UInt8](repeating: 0, count: Int(sectorsPerChunk) * 512)
        var lba: UInt64 = 0
        while lba < sectorCount {
            let n = min(sectorsPerChunk, sectorCount - lba)
            let length = Int(n) * 512
            let ok = chunk.withUnsafeMutableBytes { sectors(lba, UnsafeMutableRawBufferPointer(rebasing: $0[0..<length])) }
            guard ok else { throw PayloadCommandError("\(path): sector \(lba) could not be read from its source file") }
            if chunk[0..<length].contains(where: { $0 != 0 }) {
                let written = chunk.withUnsafeBytes { pwrite(fd, $0.baseAddress, length, off_t(lba * 512)) }
                guard written == length else { throw PayloadCommandError(path + ": write failed: " + String(cString: strerror(errno))) }
            }
            lba += n
        }
        guard ftruncate(fd, off_t(sectorCount * 512)) == 0 else {
            throw PayloadCommandError(path + ": " + String(cString: strerror(errno)))
        }
    }
}
