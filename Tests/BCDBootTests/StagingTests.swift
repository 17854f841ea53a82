import Foundation
import Testing
import BCDCheck
@testable import BCDBoot

@Test func storeIsServedAsBCDUnlessAFileTakesTheName() {
    var served = ServedFiles(store: "/s/BCD.store", serving: .asBCD, files: [ServedFile(name: "boot.wim", path: "/w")])
    #expect(served.all.map(\.name) == ["BCD", "boot.wim"])
    #expect(served.all[0].path == "/s/BCD.store")
    served.files.append(ServedFile(name: "bcd", path: "/other"))
    #expect(served.all.map(\.name) == ["boot.wim", "bcd"])
}

@Test func unusableNamesAndDuplicatesAreRefused() {
    let files = [ServedFile(name: "boot.wim", path: "/nonexistent/x"), ServedFile(name: "BOOT.WIM", path: "/etc/hostname"),
                 ServedFile(name: "a b", path: "/etc/hostname"), ServedFile(name: "loader.efi", path: "/etc/hostname")]
    let problems = Staging.problems(with: files, mode: .network)
    #expect(problems.contains { $0.contains("not a readable file") })
    #expect(problems.contains { $0.contains("supplied twice") })
    #expect(problems.contains { $0.contains("spaces") })
    #expect(problems.contains { $0.contains("taken by the generated TFTP tree") })
    #expect(!Staging.problems(with: files.suffix(1), mode: .disk).contains { $0.contains("taken") })
}

@Test func tftpTreeHoldsLoaderScriptAndLinks() throws {
    let scratch = try ScratchDirectory("tftp")
    defer { scratch.remove() }
    let dir = scratch.path
    let (loader, files) = try scratch.stagingInputs()
    let script = try Staging.makeTftpTree(at: dir + "/tftp", loader: loader, files: files, loaderArguments: "quiet")
    #expect(script.contains("kernel loader.efi quiet || goto failed\nset file boot.wim\nimgfetch --name boot.wim boot.wim boot.wim || goto failed\nboot || goto failed\n"))
    #expect(try String(contentsOfFile: dir + "/tftp/boot.ipxe", encoding: .utf8) == script)
    #expect(FileManager.default.contents(atPath: dir + "/tftp/boot.wim") == Data("wim".utf8))
    #expect(FileManager.default.contents(atPath: dir + "/tftp/loader.efi") == Data("loader".utf8))
}
