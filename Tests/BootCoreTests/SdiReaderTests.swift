import Foundation
import Testing
@testable import BootCore

@Suite("SDI reader and writer")
struct SdiReaderTests {
    /// The real, shrunk boot.sdi; used in place, never copied into the repository.
    static let fixturePath = "../shared/fixtures/sdi/tiny-boot.sdi"

    static func fixture() throws -> MemorySource {
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(fixturePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PayloadTool.Failure(description: "fixture \(fixturePath) is missing (run the tests from the repository root)")
        }
        return MemorySource([UInt8](data))
    }

    static func has(_ report: SdiReport, _ level: SdiFinding.Level, _ text: String) -> Bool {
        report.findings.contains { $0.level == level && $0.message.contains(text) }
    }

    @Test func realBootSdiParsesWithTheExpectedFindings() throws {
        let report = SdiReader.read(try Self.fixture())
        let all = report.findings.map { "\($0.levelName): \($0.message)" }.joined(separator: "\n")
        #expect(report.isValid, "\(all)")
        #expect(report.pageAlignment == 1)
        #expect(report.storedChecksum == 0x3A && report.computedChecksum == 0x3A)
        let part = try #require(report.blob(ofType: "PART"))
        #expect(part.offset == 0x1000 && part.size == 300_544 && part.record == 0)
        let wim = try #require(report.blob(ofType: "WIM"))
        #expect(wim.offset == 0x4B000 && wim.size == 0 && wim.record == 1)
        #expect(report.blobs.count == 2)
        #expect(Self.has(report, .info, "header checksum 0x3a is correct"), "\(all)")
        #expect(Self.has(report, .info, "PART blob starts with an NTFS boot sector"), "\(all)")
        #expect(Self.has(report, .info, "empty WIM slot at 0x4b000 (the end of the file)"), "\(all)")
        #expect(Self.has(report, .warning, "TOC record 2 has no type"), "\(all)")
        #expect(!report.findings.contains { $0.level == .error })
    }

    @Test func damageIsReportedNotThrown() throws {
        var bytes = try Self.fixture().bytes
        bytes[0x20] ^= 0xFF                                   // breaks the checksum
        var report = SdiReader.read(MemorySource(bytes))
        #expect(Self.has(report, .error, "header checksum is"))

        bytes = try Self.fixture().bytes
        bytes[0x1003] = UInt8(ascii: "X")                      // no NTFS at +3 of PART
        report = SdiReader.read(MemorySource(bytes))
        #expect(Self.has(report, .error, "does not start with an NTFS boot sector"))

        bytes = Array(try Self.fixture().bytes[0..<0x20000])   // PART runs past the end
        report = SdiReader.read(MemorySource(bytes))
        #expect(Self.has(report, .error, "extends past the end of the file"))
        #expect(!report.isValid)

        report = SdiReader.read(MemorySource(Array("not an sdi at all".utf8)))
        #expect(Self.has(report, .error, "too small"))
        report = SdiReader.read(MemorySource([UInt8](repeating: 0, count: 4096)))
        #expect(Self.has(report, .error, "no SDI signature"))
        report = SdiReader.read(MemorySource(Array(try Self.fixture().bytes[0..<0x800])))
        #expect(Self.has(report, .error, "ends inside the 4096-byte header page"))
    }

    @Test func writerOutputParsesBackAndHoldsNtfs() throws {
        let dir = try PayloadTool.temporaryDirectory("sdi")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ntfs = dir.appendingPathComponent("part.img")
        try PayloadTool.run("truncate", ["-s", "12M", ntfs.path])
        let made = try PayloadTool.run("mkntfs", ["-F", "-Q", "-q", "-s", "512", "-p", "0", "-H", "255", "-S", "63", "-L", "SDITEST", ntfs.path])
        #expect(made.status == 0, "mkntfs failed: \(made.stderr)")
        let partition = [UInt8](try Data(contentsOf: ntfs))

        let image = try SdiWriter.image(partition: partition)
        #expect(image.count == 4096 + partition.count)
        let report = SdiReader.read(MemorySource(image))
        let all = report.findings.map { "\($0.levelName): \($0.message)" }.joined(separator: "\n")
        #expect(report.isValid, "\(all)")
        #expect(!report.findings.contains { $0.level == .warning }, "\(all)")
        #expect(Self.has(report, .info, "PART partition type 7 (NTFS)"), "\(all)")
        let part = try #require(report.blob(ofType: "PART"))
        #expect(Array(image[Int(part.offset)..<Int(part.offset + part.size)]) == partition)

        let sdiURL = dir.appendingPathComponent("boot.sdi")
        try Data(image).write(to: sdiURL)
        let described = try PayloadTool.run("file", ["-b", sdiURL.path])
        #expect(described.text.contains("System Deployment Image"), "\(described.text)")
        #expect(described.text.contains("NTFS"), "file does not see the inner NTFS: \(described.text)")
    }

    @Test func writerHonoursPageAlignment() throws {
        let partition = [UInt8](repeating: 0, count: 5000)
        let layout = try SdiWriter.layout(partitionSize: 5000, pageAlignment: 4)
        #expect(layout.partitionOffset == 16384 && layout.wimSlotOffset == 32768)
        let report = SdiReader.read(MemorySource(try SdiWriter.image(partition: partition, pageAlignment: 4)))
        #expect(report.pageAlignment == 4)
        #expect(Self.has(report, .error, "does not start with an NTFS boot sector"))   // zeros are not NTFS
        #expect(throws: SdiWriter.WriteError.emptyPartition) { try SdiWriter.image(partition: []) }
    }
}
