import BCDCheck
import Foundation
import Testing
@testable import BCDBoot

@Test func biosScriptKernelsTheLkrnAndNamesEveryFileAsAnInitrd() {
    let script = IpxeScript.make(arguments: " index=2  pause ", names: ["bootmgr.exe", "BCD", "boot.wim"], platform: .bios)
    #expect(script == """
        #!ipxe
        set file loader.lkrn
        kernel loader.lkrn index=2 pause || goto failed
        set file bootmgr.exe
        initrd --name bootmgr.exe bootmgr.exe bootmgr.exe || goto failed
        set file BCD
        initrd --name BCD BCD BCD || goto failed
        set file boot.wim
        initrd --name boot.wim boot.wim boot.wim || goto failed
        boot || goto failed
        :failed
        echo bcd: could not fetch ${file}
        imgstat
        exit 1

        """)
    let remote = IpxeScript.make(arguments: "", names: ["boot+sdi"], base: "http://s/pe", platform: .bios)
    #expect(remote.contains("\nkernel http://s/pe/loader.lkrn || goto failed\n"))
    #expect(remote.contains("\ninitrd --name boot+sdi http://s/pe/boot%2Bsdi boot+sdi || goto failed\n"))
    // UEFI keeps its form.
    #expect(IpxeScript.make(arguments: "", names: ["BCD"]).contains("\nimgfetch --name BCD BCD BCD || goto failed\n"))
}

@Test func syslinuxConfigRunsLinuxC32OnTheLoaderWithTheFilesAsNamedInitrds() {
    #expect(BiosStaging.syslinuxConfig(arguments: " rawwim  quiet", names: ["BCD", "boot.sdi", "boot.wim"]) == """
        DEFAULT bcd
        PROMPT 0
        TIMEOUT 0
        LABEL bcd
          COM32 linux.c32
          APPEND loader.lkrn rawwim quiet initrdfile=BCD,boot.sdi,boot.wim

        """)
    #expect(BiosStaging.syslinuxConfig(arguments: "", names: []).hasSuffix("  APPEND loader.lkrn\n"))
    #expect(BiosStaging.problem(withName: "a,b") != nil && BiosStaging.problem(withName: "boot.wim") == nil)
}

@Test func biosTftpTreeHoldsTheLkrnTheFilesAndTheScript() throws {
    let scratch = try ScratchDirectory("bios-tftp")
    defer { scratch.remove() }
    let (loader, files) = try scratch.stagingInputs()
    let script = try BiosStaging.makeTftpTree(at: scratch.path + "/tftp", loader: loader, files: files, loaderArguments: "quiet")
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/tftp").sorted()
    #expect(names == ["boot.ipxe", "boot.wim", "loader.lkrn"])
    #expect(try String(contentsOfFile: scratch.path + "/tftp/boot.ipxe", encoding: .utf8) == script)
    #expect(script.contains("kernel loader.lkrn quiet || goto failed") && script.contains("initrd --name boot.wim boot.wim boot.wim"))
    #expect(try String(contentsOfFile: scratch.path + "/tftp/loader.lkrn", encoding: .utf8) == "loader")
}

/// A real image: mkfs.fat, syslinux --install, mtools (the tools the boot uses).
@Test func syslinuxDiskHoldsTheBootSectorTheModulesTheLoaderAndTheFiles() throws {
    let scratch = try ScratchDirectory("bios-disk")
    defer { scratch.remove() }
    let (loader, files) = try scratch.stagingInputs()
    let image = scratch.path + "/disk.img"
    let config = try BiosStaging.makeDiskImage(at: image, loader: loader, files: files, loaderArguments: "index=1")
    #expect(config.contains("APPEND loader.lkrn index=1 initrdfile=boot.wim"))
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: image), options: .alwaysMapped).prefix(512))
    #expect(bytes[510] == 0x55 && bytes[511] == 0xAA)                       // bootable sector
    #expect(String(decoding: bytes[3..<11], as: UTF8.self) == "SYSLINUX")   // OEM name syslinux writes
    let listing = try Tools.run("mdir", ["-a", "-b", "-i", image, "::/"]).lowercased()
    for name in ["ldlinux.sys", "ldlinux.c32", "linux.c32", "libcom32.c32", "libutil.c32", "syslinux.cfg", "loader.lkrn", "boot.wim"] {
        #expect(listing.contains("::/" + name), "\(name) missing from \(listing)")
    }
    #expect(try Tools.run("mtype", ["-i", image, "::/syslinux.cfg"]) == config)
    #expect(try Tools.run("mtype", ["-i", image, "::/boot.wim"]) == "wim")
}
