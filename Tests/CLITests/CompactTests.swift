import BCDKit
import Foundation
import Glibc
import Testing

/// `bcd compact` and the compacting save, through the real binary.
@Suite("compact")
struct CompactTests {
    /// A store with many objects, made by scripts/make-large-store.sh through `bcd batch`.
    static func largeStore(_ directory: URL, objects: Int) throws -> String {
        let path = directory.appendingPathComponent("BCD").path
        let script = BCDRunner.repositoryRoot.appendingPathComponent("scripts/make-large-store.sh").path
        let run = try BCDRunner.run("/bin/bash", [script, path, String(objects)], environment: ["BCD": BCDRunner.binary])
        #expect(run.status == 0, "make-large-store: \(run.stderr)")
        return path
    }

    @Test func compactPrintsSizesAndKeepsTheContent() throws {
        let directory = try BCDRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try BCDRunner.copyFixture("win10-esp-BCD", to: directory)
        let before = try BCDRunner.registryExport(store)
        let size = try BCDRunner.contents(store).count
        let run = try BCDRunner.bcd(["compact", store])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try BCDRunner.contents(store).count
        #expect(run.stdout == "\(store): \(size) bytes before, \(after) bytes after\n")
        #expect(after < size)
        #expect(try BCDRunner.registryExport(store) == before)
        #expect(try BCDRunner.contents(store + ".bak").count == size, "the previous file is kept")
    }

    @Test func compactRefusesWhatIsNotAStore() throws {
        let directory = try BCDRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("junk").path
        try Data(repeating: 7, count: 9000).write(to: URL(fileURLWithPath: path))
        let run = try BCDRunner.bcd(["compact", path])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(try BCDRunner.contents(path) == Data(repeating: 7, count: 9000), "nothing lost")
    }

    /// Every save compacts: a store edited back and forth keeps its size (hivex alone would
    /// append new cells on each save).
    @Test func savesDoNotGrowTheStore() throws {
        let directory = try BCDRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try BCDRunner.copyFixture("setup-media-BCD", to: directory)
        func describe(_ text: String) throws {
            let run = try BCDRunner.bcd(["set", "--store", store, "{bootmgr}", "description", text])
            #expect(run.status == 0, "\(run.stderr)")
        }
        try describe("first")
        let first = try BCDRunner.contents(store).count
        for i in 0..<10 {
            try describe("second, longer " + String(repeating: "x", count: i * 30))
            try describe("first")
        }
        #expect(try BCDRunner.contents(store).count == first)
    }

    /// The large store with every object's Description\Type rewritten through hivex alone:
    /// the same content, grown by the cells hivex appends.
    static func bloat(_ path: String) throws {
        let hive = try Hive(path: path, writable: true)
        let objects = try #require(hive.child(of: hive.root, named: "Objects"))
        for object in hive.children(of: objects) {
            guard let description = hive.child(of: object, named: "Description"),
                  let type = hive.value(of: description, named: "Type") else { continue }
            let contents = try hive.contents(of: type)
            for _ in 0..<3 { try hive.setValue(of: description, named: "Type", to: contents) }
        }
        try hive.commit(to: path)
    }

    /// kill -9 at spread-out moments of a compacting save: the store is always the old file
    /// byte for byte, or the new one whole (opens, same registry content).
    @Test func killDuringCompactLeavesOldOrNew() throws {
        let directory = try BCDRunner.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.largeStore(directory, objects: 300)
        let compactSize = try BCDRunner.contents(original).count
        try Self.bloat(original)
        let originalBytes = try BCDRunner.contents(original)
        let export = try BCDRunner.registryExport(original)

        // How long an uninterrupted compaction of a copy takes, to spread the kills over it.
        let timed = directory.appendingPathComponent("timed").path
        try FileManager.default.copyItem(atPath: original, toPath: timed)
        let start = DispatchTime.now().uptimeNanoseconds
        #expect(try BCDRunner.bcd(["compact", "--no-backup", timed]).status == 0)
        let duration = Int(DispatchTime.now().uptimeNanoseconds - start) / 1000

        #expect(originalBytes.count > compactSize, "bloating did not grow the store")
        var old = 0, new = 0
        let store = directory.appendingPathComponent("victim").path
        // Kills spread over up to three times the timed run (a loaded machine runs slower than
        // the timing said); past 24 attempts only while one side has not been seen yet.
        for attempt in 0..<48 {
            if attempt >= 24 && old > 0 && new > 0 { break }
            try? FileManager.default.removeItem(atPath: store)
            try? FileManager.default.removeItem(atPath: store + ".bak")
            try FileManager.default.copyItem(atPath: original, toPath: store)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BCDRunner.binary)
            process.arguments = ["compact", store]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * attempt / 16))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let bytes = try BCDRunner.contents(store)
            if bytes == originalBytes {
                old += 1
            } else {
                new += 1
                #expect(throws: Never.self, "attempt \(attempt): torn store") { _ = try StoreFile.open(store) }
                #expect(try BCDRunner.registryExport(store) == export, "attempt \(attempt): content changed")
                #expect(bytes.count == compactSize)
            }
        }
        #expect(old > 0 && new > 0, "kills landed only on one side: old \(old), new \(new)")

        // Whatever temporaries the kills left beside the store, the next save removes them
        // (their writers are gone); a live process's temporary is left alone.
        let live = directory.appendingPathComponent(".victim.tmp-\(getppid())-7").path
        FileManager.default.createFile(atPath: live, contents: Data())
        let dead = directory.appendingPathComponent(".victim.tmp-2147483646-7").path
        FileManager.default.createFile(atPath: dead, contents: Data())
        #expect(try BCDRunner.bcd(["compact", store]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".victim.tmp-") }
        #expect(left == [".victim.tmp-\(getppid())-7"], "\(left)")
    }
}
