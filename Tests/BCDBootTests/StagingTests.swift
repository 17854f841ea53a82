import Foundation
import Testing
import BCDCheck
import BCDServe
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

@Test func httpTableServesTheLoaderTheFilesAndAScriptPointingBackAtTheServer() throws {
    let scratch = try ScratchDirectory("http")
    defer { scratch.remove() }
    let (loader, files) = try scratch.stagingInputs()
    let table = Staging.makeHttpTable(loader: loader, files: files, loaderArguments: "quiet")
    #expect(table.names == ["loader.efi", "boot.wim", "boot.ipxe"])
    guard case .bytes(let script) = table.lookup(path: "/boot.ipxe", host: "10.0.2.2:40000") else {
        Issue.record("boot.ipxe is not generated"); return
    }
    #expect(String(decoding: script, as: UTF8.self) == IpxeScript.make(arguments: "quiet", names: ["boot.wim"], base: "http://10.0.2.2:40000/"))
    // Without a Host header the names are relative to the script's URL.
    guard case .bytes(let relative) = table.lookup(path: "/boot.ipxe", host: nil) else { Issue.record("no script"); return }
    #expect(String(decoding: relative, as: UTF8.self).contains("\nimgfetch --name boot.wim boot.wim boot.wim || goto failed\n"))
    #expect(Staging.httpBase(host: "bad host/x") == "" && Staging.httpBase(host: "[::1]:8080") == "http://[::1]:8080/")
    guard case .file(let path, let size) = table.lookup(path: "/boot.wim") else { Issue.record("boot.wim is not served"); return }
    #expect(FileManager.default.contents(atPath: path) == Data("wim".utf8) && size == 3)
    #expect(Staging.problems(with: [ServedFile(name: "boot.ipxe", path: "/etc/hostname")], mode: .http)
        .contains { $0.contains("taken by the generated HTTP tree") })
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

@Test func httpBootReportListsEachRequest() {
    var outcome = BootOutcome(kind: .success, headline: "OK: booted")
    outcome.requests = [FetchRecord(file: "boot.ipxe", status: 200, bytes: 400, seconds: 0.001),
                        FetchRecord(file: "boot.wim", status: 200, bytes: 4 << 20, seconds: 2)]
    #expect(outcome.text.contains("fetched over HTTP (2 requests, 4194704 bytes):\n  boot.ipxe: 200, 400 bytes in 0.00 s\n  boot.wim: 200, 4194304 bytes in 2.00 s (2.0 MiB/s)\n"))
    let json = outcome.json(timings: BootTimings())
    #expect(json.contains("\"requests\" : ["))
    #expect(json.contains("\"file\" : \"boot.wim\""))
    #expect(!BootOutcome(kind: .success, headline: "OK").json(timings: BootTimings()).contains("requests"))
}
