import BCDCheck
import Foundation
import Testing
@testable import BCDBoot

@Test func shellScriptStartsTheLoaderWithItsArguments() {
    #expect(ShellStartup.make(arguments: "  rawbcd index=2 ") == "fs0:\\EFI\\tools\\loader.efi rawbcd index=2\r\n")
    #expect(ShellStartup.isUsed(mode: .disk, arguments: "quiet"))
    #expect(!ShellStartup.isUsed(mode: .disk, arguments: "   "))
    #expect(!ShellStartup.isUsed(mode: .network, arguments: "quiet"))
}

@Test func argumentsTheShellWouldInterpretAreRefusedInDiskModeOnly() {
    for bad in ["index=1 # note", "%path%", "a^b", "\"x\"", "a>b", "a|b", "index=\u{00E9}", "a\tb"] {
        #expect(ShellStartup.problem(withArguments: bad) != nil, "accepted \(bad)")
        let problems = Staging.problems(with: [], mode: .disk, loaderArguments: bad)
        #expect(problems.count == 1 && problems[0].contains("UEFI shell"), "\(bad): \(problems)")
        #expect(Staging.problems(with: [], mode: .network, loaderArguments: bad).isEmpty)
    }
    #expect(ShellStartup.problem(withArguments: "rawbcd pause=quiet index=2 initrdfile=x.cpio") == nil)
}

@Test func startupScriptNameIsTakenOnlyWhenTheShellIsUsed() {
    let files = [ServedFile(name: "startup.nsh", path: "/etc/hostname")]
    #expect(Staging.problems(with: files, mode: .disk, loaderArguments: "rawbcd") == ["startup.nsh: the name is taken by the generated shell script"])
    #expect(Staging.problems(with: files, mode: .disk).isEmpty)
}

@Test func diskWithArgumentsHasTheLoaderOutsideTheBootPathAndAStartupScript() throws {
    let scratch = try ScratchDirectory("shell")
    defer { scratch.remove() }
    let dir = scratch.path
    let (loader, files) = try scratch.stagingInputs()

    try Staging.makeDiskImage(at: dir + "/args.img", loader: loader, files: files, loaderArguments: "rawbcd")
    let partition = dir + "/args.img@@1M"
    #expect(try Tools.run("mtype", ["-i", partition, "::/startup.nsh"]) == "fs0:\\EFI\\tools\\loader.efi rawbcd\r\n")
    #expect(try Tools.run("mtype", ["-i", partition, "::/EFI/tools/loader.efi"]) == "loader")
    #expect(try Tools.run("mtype", ["-i", partition, "::/boot.wim"]) == "wim")
    // Without BOOTX64.EFI the firmware falls through to its shell, which runs startup.nsh.
    #expect(throws: BootFailure.self) { try Tools.run("mtype", ["-i", partition, "::/EFI/BOOT/BOOTX64.EFI"]) }

    try Staging.makeDiskImage(at: dir + "/plain.img", loader: loader, files: files)
    #expect(try Tools.run("mtype", ["-i", dir + "/plain.img@@1M", "::/EFI/BOOT/BOOTX64.EFI"]) == "loader")
    #expect(throws: BootFailure.self) { try Tools.run("mtype", ["-i", dir + "/plain.img@@1M", "::/startup.nsh"]) }
}
