import BCDCheck
import BCDServe
import Foundation

/// Puts the loader and the files where the emulated machine finds them.
public enum Staging {
    /// The name the generated iPXE script has on the TFTP server.
    public static let scriptName = "boot.ipxe"
    /// UEFI's removable-media boot path for x64, which firmware starts from a disk.
    static let removableMediaLoaderPath = "EFI/BOOT/BOOTX64.EFI"

    /// A raw disk image: an MBR with one FAT32 partition at 1 MiB (type 0x0c) holding
    /// EFI/BOOT/BOOTX64.EFI (the loader) and the files in its root directory, made with mtools.
    /// With loader arguments the loader is started by the UEFI shell instead (ShellStartup).
    /// With `shim`, that is BOOTX64.EFI and the loader is its second stage beside it (ShimBoot).
    public static func makeDiskImage(at image: String, loader: String, files: [ServedFile], loaderArguments: String = "",
                                     shim: String? = nil) throws {
        var payload: UInt64 = fileSize(loader) + (shim.map(fileSize) ?? 0)
        for f in files { payload += fileSize(f.path) }
        // Payload, an eighth for FAT overhead, and 80 MiB so FAT32 has enough clusters.
        let sectors = ((payload / 512 + payload / 4096 + 80 * 2048) / 2048 + 1) * 2048
        let totalBytes = (sectors + 2048) * 512
        guard FileManager.default.createFile(atPath: image, contents: nil) else { throw BootFailure("cannot create \(image)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: image))
        defer { try? handle.close() }
        try handle.truncate(atOffset: totalBytes)
        var mbr = [UInt8](repeating: 0, count: 512)
        let entry: [UInt8] = [0x00, 0xFE, 0xFF, 0xFF, 0x0C, 0xFE, 0xFF, 0xFF]
        mbr.replaceSubrange(446..<454, with: entry)
        put32(&mbr, 454, 2048)
        put32(&mbr, 458, UInt32(sectors))
        put32(&mbr, 440, 0x4243_4442)  // disk signature "BDCB"
        mbr[510] = 0x55
        mbr[511] = 0xAA
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(mbr))
        try handle.close()

        let target = image + "@@1M"
        try Tools.run("mformat", ["-i", target, "-F", "-T", String(sectors), "-h", "64", "-s", "32", "-v", "BCDBOOT", "::"])
        let viaShell = ShellStartup.isUsed(mode: .disk, arguments: loaderArguments)
        let loaderPath = viaShell ? ShellStartup.loaderPath : removableMediaLoaderPath
        try Tools.run("mmd", ["-i", target, "::/EFI", "::/" + (loaderPath as NSString).deletingLastPathComponent])
        if let shim {
            try Tools.run("mcopy", ["-i", target, shim, "::/" + removableMediaLoaderPath])
            try Tools.run("mcopy", ["-i", target, loader, "::/" + ShimBoot.secondStagePath])
        } else {
            try Tools.run("mcopy", ["-i", target, loader, "::/" + loaderPath])
        }
        if viaShell {
            let script = NSTemporaryDirectory() + "bcd-startup-\(UUID().uuidString).nsh"
            defer { try? FileManager.default.removeItem(atPath: script) }
            try ShellStartup.make(arguments: loaderArguments).write(toFile: script, atomically: true, encoding: .ascii)
            try Tools.run("mcopy", ["-i", target, script, "::/" + ShellStartup.scriptName])
        }
        for f in files {
            try Tools.run("mcopy", ["-i", target, f.path, "::/\(f.name)"])
        }
    }

    /// A TFTP root: the loader as loader.efi, each file under its served name (symbolic links
    /// to the host files), and boot.ipxe loading them. Returns the script.
    @discardableResult
    public static func makeTftpTree(at dir: String, loader: String, files: [ServedFile], loaderArguments: String) throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try fm.copyItem(atPath: loader, toPath: dir + "/loader.efi")
        for f in files {
            let absolute = URL(fileURLWithPath: f.path).standardizedFileURL.path
            try fm.createSymbolicLink(atPath: dir + "/" + f.name, withDestinationPath: absolute)
        }
        let script = IpxeScript.make(arguments: loaderArguments, names: files.map(\.name))
        try script.write(toFile: dir + "/" + scriptName, atomically: true, encoding: .utf8)
        return script
    }

    /// The names an HTTP server answers for a boot (`bcd boot --mode http`, `bcd serve`): the
    /// loader as loader.efi, each file under its served name (read from the host file when
    /// requested), and boot.ipxe. The script's base is the server as the client reached it
    /// (`http://` + the request's Host header + `/`), so one table serves 127.0.0.1, the guest's
    /// 10.0.2.2 and a lab's address alike; without a Host header the names are relative to the
    /// script's own URL, which iPXE resolves the same way.
    /// With a workspace (`bcd serve`), each file is served only while it resolves inside it.
    public static func makeHttpTable(loader: String, files: [ServedFile], loaderArguments: String, workspace: String? = nil) -> ServedTable {
        var table = ServedTable(workspace: workspace)
        table.add("loader.efi", .file(loader))
        for f in files { table.add(f.name, workspace == nil ? .file(f.path) : .workspaceFile(f.path)) }
        let names = files.map(\.name)
        table.add(scriptName, .generated { host in
            Array(IpxeScript.make(arguments: loaderArguments, names: names, base: httpBase(host: host)).utf8)
        })
        return table
    }

    /// `http://HOST/` for a Host header value; "" (names relative to the script) for none, or
    /// for one that is not a host name or address with an optional port.
    public static func httpBase(host: String?) -> String {
        guard let host, !host.isEmpty,
              host.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0)) })
        else { return "" }
        return "http://\(host)/"
    }

    /// Reasons these files (and loader arguments) cannot be served: duplicate or unusable names,
    /// unreadable files, names the staging itself uses, arguments the UEFI shell would mangle.
    public static func problems(with files: [ServedFile], mode: BootMode, loaderArguments: String = "") -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        let viaShell = ShellStartup.isUsed(mode: mode, arguments: loaderArguments)
        let reserved: Set<String> = mode != .disk ? ["loader.efi", scriptName] : viaShell ? [ShellStartup.scriptName] : []
        if viaShell, let problem = ShellStartup.problem(withArguments: loaderArguments) { out.append(problem) }
        for f in files {
            if let p = IpxeScript.problem(withName: f.name) { out.append(p) }
            if !seen.insert(f.name.lowercased()).inserted { out.append("\(f.name) is supplied twice") }
            if reserved.contains(f.name.lowercased()) { out.append("\(f.name): the name is taken by the generated \(viaShell ? "shell script" : mode == .http ? "HTTP tree" : "TFTP tree")") }
            if !FileManager.default.isReadableFile(atPath: f.path) { out.append("\(f.name): \(f.path) is not a readable file") }
        }
        return out
    }

    static func fileSize(_ path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }

    static func put32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for i in 0..<4 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }
}
