#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import BootCore

/// `bcd wim info|ls|cat|inject`: look inside a WIM exactly as the loader will (BootCore, not
/// wimlib), also with files injected (`ls --inject`, `inject -o`).
struct WimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wim",
        abstract: "Inspect a WIM through BootCore, as the boot loader reads it.",
        subcommands: [WimInfo.self, WimList.self, WimCat.self, WimInject.self]
    )
}

struct WimImageOption: ParsableArguments {
    @Option(name: .long, help: "Image index (1-based); default: the boot image, else image 1.")
    var index: Int?
}

/// Opens `path` as a WIM, turning every failure into one clear line.
func openWIM(_ path: String) throws -> WIMArchive<MappedFile> {
    let file = try MappedFile(path: path)
    do {
        return try WIMArchive(source: file)
    } catch {
        throw PayloadCommandError(path + ": " + error.message)
    }
}

func selectImage(_ archive: WIMArchive<MappedFile>, _ index: Int?) throws -> WIMImage {
    do {
        return try archive.image(LoaderWimChoice.image(requested: index, bootIndex: archive.info.bootIndex))
    } catch {
        throw PayloadCommandError(archive.source.path + ": " + error.message)
    }
}

struct WimInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show a WIM's header: images, boot index, compression, chunk size.")

    @Argument(help: "The WIM file.") var wim: String

    func run() throws {
        let archive = try openWIM(wim)
        let info = archive.info
        print("Path:         \(wim)")
        print("Version:      0x\(String(info.version, radix: 16))")
        print("Images:       \(info.imageCount)")
        for (i, name) in archive.imageNames().enumerated() {
            print("  Image \(i + 1):    \(name.isEmpty ? "(no name)" : name)\(i + 1 == info.bootIndex ? "  [boot]" : "")")
        }
        print("Boot index:   \(info.bootIndex == 0 ? "none" : String(info.bootIndex))")
        print("Compression:  \(info.compression.name)")
        print("Chunk size:   \(info.chunkSize)")
        print("Part:         \(info.partNumber)/\(info.totalParts)")
        print("Blobs:        \(info.blobCount)")
        print("Flags:        0x\(String(info.flags, radix: 16))")
        if info.hasSolidResources {
            print("Solid:        yes (unsupported: files in solid resources cannot be read)")
        }
        if info.compression == .lzms {
            print("Note:         LZMS compression is unsupported: files cannot be read")
        }
    }
}

struct WimList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List a directory of a WIM image (or show one file).")

    @Argument(help: "The WIM file.") var wim: String
    @Argument(help: "Path inside the image, \\ or / separated, case-insensitive (default: the root).")
    var path: String = "\\"
    @OptionGroup var image: WimImageOption
    @Option(name: .long, parsing: .upToNextOption,
            help: "List the WIM as the loader serves it with these files (NAME=PATH or PATH) injected into \\Windows\\System32.")
    var inject: [String] = []

    func run() throws {
        if inject.isEmpty {
            let archive = try openWIM(wim)
            try list(try selectImage(archive, image.index))
            return
        }
        let injection = try WimInjection(archive: try openWIM(wim), specs: inject, index: image.index)
        for skip in injection.skipped { printError("bcd: not injected: \(skip.name) (\(skip.reason))") }
        // Read back through BootCore's reader, as the loader's stand-in does.
        do {
            let patched = try WIMArchive(source: injection.source)
            try list(try patched.image(injection.view.imageIndex))
        } catch let error as WIMError {
            throw PayloadCommandError(wim + " (injected): " + error.message)
        }
    }

    private func list(_ selected: WIMImage) throws {
        do throws(WIMError) {
            let entry = try selected.lookup(path)
            let entries = entry.isDirectory ? try selected.listDirectory(entry) : [entry]
            for child in entries {
                let kind = child.isDirectory ? "d" : (child.isReparsePoint ? "l" : "-")
                let size = String(child.size)
                let note = child.isMissingData ? "  (data missing from the WIM)" : ""
                print(kind + " " + String(repeating: " ", count: max(0, 12 - size.count)) + size + "  " + child.name + note)
            }
        } catch {
            throw PayloadCommandError(wim + ": " + path + ": " + error.message)
        }
    }
}

struct WimCat: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cat", abstract: "Write a file of a WIM image to standard output.")

    @Argument(help: "The WIM file.") var wim: String
    @Argument(help: "Path of the file inside the image (\\ or /, case-insensitive).") var path: String
    @OptionGroup var image: WimImageOption

    func run() throws {
        let archive = try openWIM(wim)
        let selected = try selectImage(archive, image.index)
        let entry: WIMDirectoryEntry
        do throws(WIMError) {
            entry = try selected.lookup(path)
            if entry.isDirectory { throw WIMError.isADirectory }
        } catch {
            throw PayloadCommandError(wim + ": " + path + ": " + error.message)
        }
        // Whole multiples of the chunk size keep every read a straight decode.
        let step = max(archive.info.chunkSize, 1) * 32
        var buffer = [UInt8](repeating: 0, count: step)
        var offset: UInt64 = 0
        while offset < entry.size {
            let count = Int(min(UInt64(step), entry.size - offset))
            try buffer.withUnsafeMutableBytes { raw in
                let part = UnsafeMutableRawBufferPointer(rebasing: raw[0..<count])
                do throws(WIMError) {
                    try archive.read(entry, at: offset, into: part)
                } catch {
                    throw PayloadCommandError(wim + ": " + path + ": " + error.message)
                }
                try writeAll(part)
            }
            offset += UInt64(count)
        }
    }

    private func writeAll(_ bytes: UnsafeMutableRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = write(1, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw PayloadCommandError("write to standard output failed: " + String(cString: strerror(errno)))
            }
            done += n
        }
    }
}
