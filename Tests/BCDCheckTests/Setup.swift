import BCDCheck
import BCDKit
import Foundation
import Synchronization
import TestSupport
import Testing

/// Where the shared workspace is, for its removal at exit.
let workspaceDirectory = Mutex<String?>(nil)

/// Runs `bcd` (built beside this test bundle) and the tools that make real inputs. A missing
/// tool is a failure, never a skip.
enum Tools {
    struct Failed: Error, CustomStringConvertible { let description: String }

    static let repositoryRoot = Programs.repositoryRoot

    /// `bcd` beside the test bundle (or $BCD_BINARY), else a debug build in .build-check or .build.
    static var bcd: String {
        let found = Programs.bcdBinary
        if FileManager.default.isExecutableFile(atPath: found) { return found }
        let alternative = repositoryRoot.appendingPathComponent(".build-check/debug/bcd").path
        return FileManager.default.isExecutableFile(atPath: alternative) ? alternative : found
    }

    static func which(_ tool: String) throws -> String {
        do { return try Programs.which(tool) } catch { throw Failed(description: "\(error)") }
    }

    typealias Output = ProgramRun

    /// Runs a tool; with `check`, a non-zero exit throws with its stderr.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:], check: Bool = true) throws -> Output {
        let result: Output
        do { result = try Programs.run(tool, arguments, environment: environment) } catch let missing as MissingProgram {
            throw Failed(description: missing.description)
        }
        if check && result.status != 0 {
            throw Failed(description: "\(tool) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bcd-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Real inputs, built once per test run: a correct WinPE ramdisk setup and its broken variants.
final class Workspace: @unchecked Sendable {
    static let loader = "{a4f89c62-2142-11e6-80b6-00155da04110}"
    static let vhdLoader = "{0b6c1f2e-8d3a-4e5b-9c7d-1a2b3c4d5e6f}"

    let dir: URL
    var bcd = "", vhdBCD = ""
    var sdi = "", sdiCorrupt = "", sdiOddPart = ""
    var wim = "", wimWithSdi = "", wimWithPcatSdi = "", wimWithSdiLZMS = "", wimNoBoot = "", wimLZMS = "", wimSolid = "", wimNoBootmgr = "", wimARM64 = "", wimX64 = ""
    /// Both boot managers (\Windows\Boot\EFI_EX\bootmgfw_EX.efi too), and the _EX one alone.
    var wimBothBootmgrs = "", wimOnlyEX = ""
    var notAWIM = "", truncatedWIM = "", bootmgr = "", big = ""
    /// A winpeshl.ini that launches a program of its own (so an injected startnet.cmd never runs),
    /// and one that runs startnet.cmd from a launched shell.
    var winpeshlOther = "", winpeshlStartnet = ""
    var vhdFixed = "", vhdx = "", vhdDiff = "", vhdParent = ""
    /// A VHDX with its first header damaged (the second copy is intact) and one with both damaged.
    var vhdxOneHeaderDamaged = "", vhdxDamaged = ""

    static let shared: Result<Workspace, Error> = Result { try Workspace() }

    static func get() throws -> Workspace { try shared.get() }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private init() throws {
        dir = try Tools.scratch()
        // The shared workspace lives for the whole run; remove it when the test process exits.
        workspaceDirectory.withLock { $0 = dir.path }
        atexit {
            if let path = workspaceDirectory.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
        try makeStores()
        try makeSDIs()
        try makeWIMs()
        try makeVHDs()
        bootmgr = path("bootmgfw.efi")
        try Data("MZ stand-in boot manager".utf8).write(to: URL(fileURLWithPath: bootmgr))
        winpeshlOther = path("winpeshl-other.ini")
        try Data("[LaunchApps]\r\n; the deployment tool\r\n%SYSTEMDRIVE%\\Tools\\deploy.exe, /auto\r\n".utf8).write(to: URL(fileURLWithPath: winpeshlOther))
        winpeshlStartnet = path("winpeshl-startnet.ini")
        try Data("[LaunchApps]\r\nwpeinit.exe\r\ncmd.exe, /k %SYSTEMROOT%\\System32\\startnet.cmd\r\n".utf8).write(to: URL(fileURLWithPath: winpeshlStartnet))
        big = path("big.bin")
        try Tools.run("truncate", ["-s", "4G", big])  // sparse: 4 GiB, one byte over the limit
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    // MARK: Stores (bcd createstore + bcd batch)

    static let goodScript = """
        create {ramdiskoptions} --d "Ramdisk options"
        set {ramdiskoptions} ramdisksdidevice boot
        set {ramdiskoptions} ramdisksdipath \\Boot\\boot.sdi
        create \(loader) --d "winpe boot image" --application osloader
        set \(loader) systemroot \\Windows
        set \(loader) detecthal yes
        set \(loader) winpe yes
        set \(loader) osdevice ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}
        set \(loader) device ramdisk=[boot]\\Boot\\boot.wim,{ramdiskoptions}
        set \(loader) path \\Windows\\System32\\boot\\winload.efi
        create {bootmgr} --d "boot manager"
        timeout 30
        displayorder \(loader) --addlast
        default \(loader)

        """

    static let vhdScript = """
        create {bootmgr} --d "boot manager"
        create \(vhdLoader) --d "Windows from a VHD" --application osloader
        set \(vhdLoader) device vhd=[locate]\\vhd\\win.vhd
        set \(vhdLoader) osdevice vhd=[locate]\\vhd\\win.vhd
        set \(vhdLoader) systemroot \\Windows
        set \(vhdLoader) path \\Windows\\system32\\winload.efi
        displayorder \(vhdLoader) --addlast
        default \(vhdLoader)

        """

    private func makeStores() throws {
        bcd = try Self.store(Self.goodScript, at: path("BCD"))
        vhdBCD = try Self.store(Self.vhdScript, at: path("vhd-BCD"))
    }

    /// A new store made by `bcd createstore` and one `bcd batch` script.
    static func store(_ script: String, at target: String) throws -> String {
        try Tools.run(Tools.bcd, ["createstore", target])
        let scriptFile = target + ".script"
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
        try Tools.run(Tools.bcd, ["batch", "--store", target, "--no-backup", scriptFile])
        return target
    }

    /// A copy of `base` with `script` applied by `bcd batch`, in a fresh directory.
    func variant(of base: String? = nil, _ script: String) throws -> String {
        let dir = self.dir.appendingPathComponent("variants/\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("BCD").path
        try FileManager.default.copyItem(atPath: base ?? bcd, toPath: target)
        let scriptFile = dir.appendingPathComponent("script").path
        try (script + "\n").write(toFile: scriptFile, atomically: true, encoding: .utf8)
        try Tools.run(Tools.bcd, ["batch", "--store", target, "--no-backup", scriptFile])
        return target
    }

    // MARK: SDIs (mkntfs + bcd sdi make)

    private func makeSDIs() throws {
        let image = path("ntfs.img")
        try Tools.run("truncate", ["-s", "4M", image])
        try Tools.run("mkntfs", ["-F", "-Q", "-q", image])
        sdi = path("boot.sdi")
        try Tools.run(Tools.bcd, ["sdi", "make", image, "-o", sdi])
        try FileManager.default.removeItem(atPath: image)

        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sdi)))
        var corrupt = bytes
        for i in 0..<8 { corrupt[i] = 0x58 }
        sdiCorrupt = path("corrupt.sdi")
        try Data(corrupt).write(to: URL(fileURLWithPath: sdiCorrupt))
        // PART record's partition type (base address +0x20) from 7 (NTFS) to 6: unusual, not fatal.
        for record in 0..<48 {
            let at = 0x400 + record * 64
            if Array(bytes[at..<at + 4]) == Array("PART".utf8) { bytes[at + 0x20] = 6 }
        }
        sdiOddPart = path("oddpart.sdi")
        try Data(bytes).write(to: URL(fileURLWithPath: sdiOddPart))
    }

    // MARK: WIMs (wimcapture, wiminfo)

    private func makeWIMs() throws {
        let tree = dir.appendingPathComponent("tree")
        let files = ["Windows/System32/boot/winload.efi", "Windows/Boot/EFI/bootmgfw.efi", "Windows/System32/config/SYSTEM",
                     "Windows/System32/winpeshl.ini"]   // a file a loose one replaces (wim.inject-replaces)
        for file in files {
            let url = tree.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(repeating: 0x4D, count: 3000).write(to: url)
        }
        wim = path("boot.wim")
        try Tools.run("wimcapture", [tree.path, wim, "WinPE", "--boot", "--compress=xpress"])
        wimNoBoot = path("noboot.wim")
        try Tools.run("wimcapture", [tree.path, wimNoBoot, "WinPE", "--compress=xpress"])
        wimLZMS = path("lzms.wim")
        try Tools.run("wimcapture", [tree.path, wimLZMS, "WinPE", "--boot", "--compress=lzms"])
        wimSolid = path("solid.wim")
        try Tools.run("wimcapture", [tree.path, wimSolid, "WinPE", "--boot", "--solid"])
        wimARM64 = path("arm64.wim")
        try FileManager.default.copyItem(atPath: wim, toPath: wimARM64)
        try Tools.run("wiminfo", [wimARM64, "1", "--image-property", "WINDOWS/ARCH=12"])
        wimX64 = path("x64.wim")
        try FileManager.default.copyItem(atPath: wim, toPath: wimX64)
        try Tools.run("wiminfo", [wimX64, "1", "--image-property", "WINDOWS/ARCH=9"])
        // boot.sdi where the loader takes it from when none is supplied.
        let dvd = tree.appendingPathComponent("Windows/Boot/DVD/EFI")
        try FileManager.default.createDirectory(at: dvd, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sdi, toPath: dvd.appendingPathComponent("boot.sdi").path)
        wimWithSdi = path("withsdi.wim")
        try Tools.run("wimcapture", [tree.path, wimWithSdi, "WinPE", "--boot", "--compress=lzx"])
        wimWithSdiLZMS = path("withsdi-lzms.wim")
        try Tools.run("wimcapture", [tree.path, wimWithSdiLZMS, "WinPE", "--boot", "--compress=lzms"])
        try FileManager.default.removeItem(at: dvd)
        // BIOS: the loader takes boot.sdi from \Windows\Boot\DVD\PCAT (LoaderBiosFiles).
        let pcat = tree.appendingPathComponent("Windows/Boot/DVD/PCAT")
        try FileManager.default.createDirectory(at: pcat, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sdi, toPath: pcat.appendingPathComponent("boot.sdi").path)
        wimWithPcatSdi = path("withpcatsdi.wim")
        try Tools.run("wimcapture", [tree.path, wimWithPcatSdi, "WinPE", "--boot", "--compress=lzx"])
        try FileManager.default.removeItem(at: tree.appendingPathComponent("Windows/Boot/DVD"))
        let ex = tree.appendingPathComponent("Windows/Boot/EFI_EX/bootmgfw_EX.efi")
        try FileManager.default.createDirectory(at: ex.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x45, count: 3000).write(to: ex)
        wimBothBootmgrs = path("both-bootmgrs.wim")
        try Tools.run("wimcapture", [tree.path, wimBothBootmgrs, "WinPE", "--boot", "--compress=xpress"])
        try FileManager.default.removeItem(at: tree.appendingPathComponent("Windows/Boot/EFI/bootmgfw.efi"))
        wimOnlyEX = path("only-ex.wim")
        try Tools.run("wimcapture", [tree.path, wimOnlyEX, "WinPE", "--boot", "--compress=xpress"])
        try FileManager.default.removeItem(at: ex.deletingLastPathComponent())
        wimNoBootmgr = path("nobootmgr.wim")
        try Tools.run("wimcapture", [tree.path, wimNoBootmgr, "WinPE", "--boot", "--compress=xpress"])

        notAWIM = path("garbage.wim")
        try Data((0..<70000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }).write(to: URL(fileURLWithPath: notAWIM))
        let whole = try Data(contentsOf: URL(fileURLWithPath: wim))
        truncatedWIM = path("truncated.wim")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: truncatedWIM))
    }

    // MARK: VHDs (qemu-img; the differencing VHD is a dynamic one re-typed, with a parent name)

    private func makeVHDs() throws {
        vhdFixed = path("fixed.vhd")
        try Tools.run("qemu-img", ["create", "-q", "-f", "vpc", "-o", "subformat=fixed", vhdFixed, "1M"])
        vhdx = path("disk.vhdx")
        try Tools.run("qemu-img", ["create", "-q", "-f", "vhdx", vhdx, "8M"])
        // One byte inside a header's checksummed 4 KiB (past the signature and checksum fields).
        var damaged = [UInt8](try Data(contentsOf: URL(fileURLWithPath: vhdx)))
        damaged[64 * 1024 + 100] ^= 0x5A
        vhdxOneHeaderDamaged = path("one-header-damaged.vhdx")
        try Data(damaged).write(to: URL(fileURLWithPath: vhdxOneHeaderDamaged))
        damaged[128 * 1024 + 100] ^= 0x5A
        vhdxDamaged = path("damaged.vhdx")
        try Data(damaged).write(to: URL(fileURLWithPath: vhdxDamaged))
        vhdParent = path("parent.vhd")
        try Tools.run("qemu-img", ["create", "-q", "-f", "vpc", vhdParent, "8M"])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: vhdParent)))
        func be(_ at: Int, _ count: Int) -> UInt64 { bytes[at..<at + count].reduce(0) { $0 << 8 | UInt64($1) } }
        let dynamicAt = Int(be(16, 8))
        let name = Array("parent.vhd".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        bytes.replaceSubrange(dynamicAt + 64..<dynamicAt + 64 + name.count, with: name)
        // Re-type both footer copies to differencing (4) and fix their checksums.
        for footer in [0, bytes.count - 512] {
            bytes.replaceSubrange(footer + 60..<footer + 64, with: [0, 0, 0, 4])
            var sum: UInt32 = 0
            for i in footer..<footer + 512 where !(footer + 64..<footer + 68).contains(i) { sum &+= UInt32(bytes[i]) }
            let check = ~sum
            bytes.replaceSubrange(footer + 64..<footer + 68, with: [UInt8(check >> 24), UInt8(check >> 16 & 0xFF), UInt8(check >> 8 & 0xFF), UInt8(check & 0xFF)])
        }
        // In its own directory, so the parent is not found beside it unless supplied.
        try FileManager.default.createDirectory(atPath: path("child"), withIntermediateDirectories: true)
        vhdDiff = path("child/child.vhd")
        try Data(bytes).write(to: URL(fileURLWithPath: vhdDiff))
    }

    // MARK: Files as served

    /// The correct set: BCD, boot.sdi, boot.wim (with bootmgfw.efi inside).
    var goodFiles: [ServedFile] {
        [ServedFile(name: "BCD", path: bcd), ServedFile(name: "boot.sdi", path: sdi), ServedFile(name: "boot.wim", path: wim)]
    }

    /// The correct set with one file replaced (or added) by name.
    func files(_ replacements: [String: String], store: String? = nil) -> [ServedFile] {
        var files = goodFiles
        if let store { files[0].path = store }
        for (name, path) in replacements.sorted(by: { $0.key < $1.key }) {
            if let i = files.firstIndex(where: { $0.name == name }) { files[i].path = path } else { files.append(ServedFile(name: name, path: path)) }
        }
        return files
    }
}

/// Opens a store file (fails the test when it cannot).
func load(_ path: String) throws -> BCDStore { try StoreFile.open(path).saved }

/// Checks a store file with files; the rule ids found, in order, without duplicates.
func rules(_ storePath: String, _ files: [ServedFile], _ options: CheckOptions = CheckOptions(storeName: "BCD")) throws -> [String] {
    let found = check(store: try load(storePath), files: files, options: options)
    var ids: [String] = []
    for d in found where !ids.contains(d.rule) { ids.append(d.rule) }
    return ids
}
