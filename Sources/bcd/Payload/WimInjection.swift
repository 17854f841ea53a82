#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import BootCore

/// The host side of WIM injection (issue 20): the loader's rule for which files go in
/// (`WIMInjectionRule`) and BootCore's patched view, over mapped files.
struct WimInjection {
    typealias Source = WIMPatchedSource<MappedFile, MappedFile>

    let view: WIMPatchedView
    let source: Source
    /// Files the loader would not inject, with the reason.
    let skipped: [(name: String, reason: String)]

    /// `specs` are NAME=PATH or PATH (the name is then the last path component), as for vdisk.
    init(archive: WIMArchive<MappedFile>, specs: [String], index: Int?) throws {
        var files: [WIMInjectedFile<MappedFile>] = []
        var skipped: [(name: String, reason: String)] = []
        for spec in specs {
            let (name, path) = VdiskCommand.split(spec)
            let file = try MappedFile(path: path)
            if let exclusion = WIMInjectionRule.exclusion(of: name) {
                skipped.append((name, exclusion.reason))
                continue
            }
            files.append(WIMInjectedFile(name: Array(name.utf16), source: file))
        }
        let image = LoaderWimChoice.image(requested: index, bootIndex: archive.info.bootIndex)
        do {
            view = try archive.injecting(files, intoImage: image)
        } catch {
            throw PayloadCommandError(archive.source.path + ": " + error.message)
        }
        source = WIMPatchedSource(view: view, wim: archive.source, files: files.map(\.source))
        self.skipped = skipped
    }

    /// Writes the patched WIM to `path` through a temporary file renamed over it, so a failure
    /// leaves any existing file (the input WIM too) untouched.
    func write(to path: String) throws {
        let temporary = path + ".bcd-tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PayloadCommandError(temporary + ": " + String(cString: strerror(errno))) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(temporary) }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: UInt64 = 0
        while offset < view.size {
            let count = Int(min(UInt64(buffer.count), view.size - offset))
            let read = buffer.withUnsafeMutableBytes { source.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<count])) }
            guard read else { throw PayloadCommandError("\(path): reading the patched WIM at offset \(offset) failed (an input changed?)") }
            var done = 0
            while done < count {
                let n = buffer.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw PayloadCommandError(temporary + ": write failed: " + String(cString: strerror(errno))) }
                done += n
            }
            offset += UInt64(count)
        }
        guard fsync(fd) == 0, rename(temporary, path) == 0 else {
            throw PayloadCommandError(path + ": " + String(cString: strerror(errno)))
        }
        ok = true
    }
}

struct WimInject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inject",
        abstract: "Write the WIM the boot loader serves with FILEs injected into \\Windows\\System32.",
        discussion: """
            By BootCore's rules (the ones the loader serves by): each file goes into \\Windows\\System32 of the image (replacing a file \
            of the same name, case-insensitively), stored uncompressed, with its SHA-1; BCD, boot.stl, \
            bootmgr, bootmgr.exe and *.wim, *.sdi, *.efi, *.ttf are not injected. The original WIM is \
            not changed. Inspect the result with wimlib: wiminfo, wimdir, wimextract, wimverify.
            """
    )

    @Argument(help: "The WIM file.") var wim: String
    @Argument(help: "Files as NAME=PATH (NAME is the name in System32), or PATH to keep the file's own name.")
    var files: [String]
    @Option(name: .shortAndLong, help: "The patched WIM to write.") var output: String
    @OptionGroup var image: WimImageOption

    func run() throws {
        let archive = try openWIM(wim)
        let injection = try WimInjection(archive: archive, specs: files, index: image.index)
        try injection.write(to: output)
        let view = injection.view
        print("\(output): \(view.size) bytes, image \(view.imageIndex) (now the boot image), \(view.files.count) file(s) in \\Windows\\System32")
        for file in view.files {
            print("  \(file.replacesExisting ? "replaced" : "added   ")  \(file.nameText) (\(file.size) bytes, sha1 \(file.hash.hex))")
        }
        for skip in injection.skipped { print("  not injected: \(skip.name) (\(skip.reason))") }
    }
}
