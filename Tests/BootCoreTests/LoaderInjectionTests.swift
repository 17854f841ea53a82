import Foundation
import Testing
import BootCore
import TestSupport

/// What the loader (and `bcd vdisk`) serves with loose files (issue 20): LoaderInjection picks
/// the WIM and the files by BootCore's rules and serves the patched view in the WIM's place;
/// `rawwim`, nothing to inject, and a WIM that cannot be patched serve every input as it is.
/// (scripts/test.d/52-loader-inject.sh boots it.)
@Suite("Loader injection")
struct LoaderInjectionTests {
    static let names = ["BCD", "boot.wim", "startnet.cmd", "bootmgfw.efi", "winpeshl.ini", "wimboot", "boot.sdi"]

    static func inputs(wim: MemorySource) -> [MemorySource] {
        [MemorySource(Array("bcd hive".utf8)), wim, MemorySource(Array("wpeinit\r\n".utf8)), MemorySource([0x4D, 0x5A]),
         MemorySource(Array("[LaunchApps]\r\nnew\r\n".utf8)), MemorySource([1, 2, 3]), MemorySource([9])]
    }

    static func whole<S: ByteSource>(_ source: S) -> [UInt8] { source.bytes(at: 0, length: Int(source.count)) ?? [] }

    static func injection(_ sources: [MemorySource], rawWIM: Bool = false, index: Int? = nil, names: [String] = names) -> LoaderInjection<MemorySource> {
        LoaderInjection(names: names.map { Array($0.utf8) }, sources: sources, rawWIM: rawWIM, index: index, loaderName: Array("wimboot".utf8))
    }

    @Test func servesThePatchedWIMInTheWIMsPlace() throws {
        let (dir, wim) = try WIMInjectionTests.makeWIM("loader-inject")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sources = Self.inputs(wim: wim)
        let injection = Self.injection(sources)
        #expect(injection.problem == nil)
        #expect(injection.wimInput == 1)
        #expect(injection.injected == [2, 4], "not BCD, *.wim, *.efi, *.sdi, nor the loader's own file")
        let view = try #require(injection.view)
        #expect(view.files.map(\.nameText) == ["startnet.cmd", "winpeshl.ini"])
        #expect(view.files.map(\.replacesExisting) == [false, true])
        #expect(injection.files.map(\.name) == Self.names)
        for i in sources.indices where i != 1 {
            #expect(Self.whole(injection.files[i].source) == Self.whole(sources[i]), "\(Self.names[i]) served as it is")
        }
        // The served WIM is the one WIMArchive.injecting builds, read back by BootCore's reader.
        let served = injection.files[1].source
        #expect(served.count == view.size)
        let same = try WIMArchive(source: wim).injecting([2, 4].map { WIMInjectedFile(asciiName: Array(Self.names[$0].utf8), source: sources[$0]) },
                                                         intoImage: 1)
        #expect(Self.whole(served) == Self.whole(WIMPatchedSource(view: same, wim: wim, files: [sources[2], sources[4]])))
        let reread = try WIMArchive(source: served)
        let image = try reread.image(1)
        #expect(try reread.readAll(try image.lookup("\\Windows\\System32\\startnet.cmd")) == Self.whole(sources[2]))
        #expect(try reread.readAll(try image.lookup("\\Windows\\System32\\winpeshl.ini")) == Self.whole(sources[4]))
    }

    @Test func rawWIMNothingToInjectAndUnpatchableWIMsServeTheInputsAsTheyAre() throws {
        let (dir, wim) = try WIMInjectionTests.makeWIM("loader-inject-raw")
        defer { try? FileManager.default.removeItem(at: dir) }
        func servedAsIs(_ injection: LoaderInjection<MemorySource>, _ sources: [MemorySource]) {
            #expect(injection.wimInput == nil && injection.view == nil && injection.injected.isEmpty)
            #expect(injection.files.count == sources.count)
            for i in sources.indices { #expect(Self.whole(injection.files[i].source) == Self.whole(sources[i])) }
        }
        let sources = Self.inputs(wim: wim)
        let raw = Self.injection(sources, rawWIM: true)
        servedAsIs(raw, sources)
        #expect(raw.problem == nil)
        // Only boot files beside the WIM: nothing to inject, nothing to say.
        let bootOnly = [0, 1, 3, 6]
        let none = Self.injection(bootOnly.map { sources[$0] }, names: bootOnly.map { Self.names[$0] })
        servedAsIs(none, bootOnly.map { sources[$0] })
        #expect(none.problem == nil)
        // index=2 of a one-image WIM, and a WIM that is not one: served as is, with the reason.
        let noImage = Self.injection(sources, index: 2)
        servedAsIs(noImage, sources)
        #expect(noImage.problem != nil)
        var garbage = sources
        garbage[1] = MemorySource([UInt8](repeating: 0x5A, count: 4096))
        let unreadable = Self.injection(garbage)
        servedAsIs(unreadable, garbage)
        #expect(unreadable.problem.map { if case .wim = $0 { return true } else { return false } } == true)
    }
}
