import BCDCheck
import Foundation
import Testing

/// The one resolver of served files: --dir, --file NAME=PATH and the store, for check and boot.
@Suite struct ServedFilesTests {
    /// A directory holding the store (as store.hiv), its log and backup, and two payload files.
    func workspace() throws -> (dir: String, store: String) {
        let dir = try Tools.scratch().path
        for name in ["store.hiv", "store.hiv.LOG1", "store.hiv.bak", "boot.sdi", "boot.wim", ".hidden"] {
            #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(name.utf8)))
        }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        return (dir, dir + "/store.hiv")
    }

    @Test func checkServesTheStoreUnderItsNameInTheDirectory() throws {
        let w = try workspace()
        defer { try? FileManager.default.removeItem(atPath: w.dir) }
        let served = try ServedFiles.resolve(store: w.store, directory: w.dir, named: [], serving: .amongFiles)
        #expect(served.files.map(\.name) == ["boot.sdi", "boot.wim", "store.hiv", "store.hiv.LOG1", "store.hiv.bak"])
        #expect(served.all == served.files)
        #expect(served.checkOptions(firmware: .bios, imageIndex: 2)
                == CheckOptions(firmware: .bios, imageIndex: 2, storeName: "store.hiv", searchDirectory: w.dir))
        let none = try ServedFiles.resolve(store: w.store, directory: nil, named: [], serving: .amongFiles)
        #expect(none.files.isEmpty && none.checkOptions() == CheckOptions())
    }

    @Test func bootServesTheStoreAsBCDAndDefaultsToItsDirectory() throws {
        let w = try workspace()
        defer { try? FileManager.default.removeItem(atPath: w.dir) }
        let dir = try ServedFiles.resolve(store: w.store, directory: w.dir, named: [], serving: .asBCD)
        #expect(dir.all.map(\.name) == ["BCD", "boot.sdi", "boot.wim", "store.hiv.LOG1", "store.hiv.bak"])
        #expect(dir.all[0].path == w.store)
        let beside = try ServedFiles.resolve(store: w.store, directory: nil, named: [], serving: .asBCD)
        #expect(beside.files.map(\.name) == ["boot.sdi", "boot.wim"])
        #expect(beside.checkOptions() == CheckOptions(storeName: "BCD", searchDirectory: w.dir))
        let named = try ServedFiles.resolve(store: w.store, directory: nil, named: [ServedFile(name: "x", path: "/x")], serving: .asBCD)
        #expect(named.files == [ServedFile(name: "x", path: "/x")] && named.directory == nil)
    }

    @Test func aNamedFileReplacesADirectoryFileButNotAnotherNamedFile() throws {
        let w = try workspace()
        defer { try? FileManager.default.removeItem(atPath: w.dir) }
        let named = [ServedFile(name: "BOOT.WIM", path: "/a"), ServedFile(name: "boot.wim", path: "/b")]
        let served = try ServedFiles.resolve(store: w.store, directory: w.dir, named: named, serving: .amongFiles)
        #expect(served.files.filter { $0.name.lowercased() == "boot.wim" }.map(\.path) == ["/a", "/b"])
    }

    @Test func badInputsAreRefused() throws {
        #expect(throws: ServedFiles.Failure.self) { try ServedFiles.resolve(store: "/s", directory: "/nonexistent/dir", named: [], serving: .asBCD) }
        #expect(ServedFiles.pair("boot.wim=/a=b") == ServedFile(name: "boot.wim", path: "/a=b"))
        #expect(ServedFiles.pair("=/a") == nil && ServedFiles.pair("nonsense") == nil)
        #expect(ServedFiles.pair("x=") == ServedFile(name: "x", path: ""))
    }
}
