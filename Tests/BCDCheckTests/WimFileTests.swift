import BCDCheck
import Testing

/// The wimlib wrapper against WIMs made by wimcapture.
@Suite struct WimFileTests {
    @Test func factsAndPaths() throws {
        let w = try Workspace.get()
        let wim = try WimFile(path: w.wim)
        #expect(wim.imageCount == 1 && wim.bootIndex == 1)
        #expect(wim.compression == .xpress && !wim.hasSolidResources)
        #expect(wim.name(image: 1) == "WinPE")
        #expect(wim.architecture(image: 1) == nil, "a Linux tree has no Windows architecture")
        #expect(try wim.entry(image: 1, path: "\\Windows\\System32\\boot\\winload.efi") == WimFile.Entry(name: "winload.efi", isDirectory: false))
        #expect(try wim.entry(image: 1, path: "/windows/SYSTEM32") == WimFile.Entry(name: "System32", isDirectory: true))
        #expect(try wim.entry(image: 1, path: "\\Windows\\nothing.txt") == nil)
        #expect(try wim.children(image: 1, path: "\\Windows").map(\.name).sorted() == ["Boot", "System32"])
        #expect(throws: WimFile.Failure.self) { try wim.children(image: 1, path: "\\nowhere") }
    }

    @Test func compressionArchitectureAndFailures() throws {
        let w = try Workspace.get()
        #expect(try WimFile(path: w.wimLZMS).compression == .lzms)
        #expect(try WimFile(path: w.wimSolid).hasSolidResources)
        #expect(try WimFile(path: w.wimNoBoot).bootIndex == 0)
        #expect(try WimFile(path: w.wimARM64).architecture(image: 1) == .arm64)
        #expect(try WimFile(path: w.wimX64).architecture(image: 1) == .x64)
        for bad in [w.notAWIM, w.truncatedWIM, "/nonexistent.wim", w.dir.path] {
            #expect(throws: WimFile.Failure.self, "\(bad)") { try WimFile(path: bad) }
        }
        do { _ = try WimFile(path: w.notAWIM) } catch { #expect(!error.message.isEmpty) }
    }
}
