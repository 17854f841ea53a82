#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import BootCore

/// `bcd sdi info FILE` and `bcd sdi make PARTITION -o FILE`.
struct SdiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdi",
        abstract: "Check or build a boot.sdi (System Deployment Image) as the ramdisk loader needs it.",
        subcommands: [SdiInfo.self, SdiMake.self]
    )
}

struct SdiInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show an SDI's header and blobs, and what is wrong with it (exit 1 on errors)."
    )

    @Argument(help: "The SDI file (boot.sdi).") var file: String

    func run() throws {
        let report = SdiReader.read(try MappedFile(path: file))
        let hasHeader = report.findings.count > 1          // beyond "too small" / "no signature"
        if hasHeader { printHeader(report) }
        print("Findings:")
        for finding in report.findings { print("  \(finding.levelName): \(finding.message)") }
        if !report.isValid {
            let errors = report.findings.filter { $0.level == .error }
            throw PayloadCommandError("\(file): not a usable SDI: \(errors[0].message)" + (errors.count > 1 ? " (and \(errors.count - 1) more errors)" : ""))
        }
    }

    func printHeader(_ report: SdiReport) {
        print("Path:            \(file)")
        print("MDB type:        \(report.mdbType)")
        print("Page alignment:  \(report.pageAlignment)")
        print("Checksum:        \(hexText(report.storedChecksum, digits: 2)) (computed \(hexText(report.computedChecksum, digits: 2)))")
        print("Boot code:       \(hexText(report.bootCodeOffset)), \(report.bootCodeSize) bytes")
        print("Blobs:")
        for blob in report.blobs {
            print("  \(Self.padded(blob.type, 5)) record \(blob.record)  offset \(hexText(blob.offset))  size \(blob.size)  attributes \(hexText(blob.attributes))  base \(hexText(blob.baseAddress))")
        }
    }
}

extension SdiInfo {
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

struct SdiMake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make",
        abstract: "Build an SDI around a partition image (e.g. one made by mkntfs)."
    )

    @Argument(help: "The partition image (normally NTFS).") var partition: String
    @Option(name: .shortAndLong, help: "The SDI file to write.") var output: String
    @Option(help: "Blob alignment in 4 KiB pages.") var pageAlignment: UInt64 = 1

    func run() throws {
        let source = try MappedFile(path: partition)
        guard let first = source.bytes(at: 0, length: 512), Array(first[3..<11]) == Array("NTFS    ".utf8) else {
            throw PayloadCommandError("\(partition): does not start with an NTFS boot sector (make one with mkntfs -F)")
        }
        let layout: SdiWriter.Layout
        do { layout = try SdiWriter.layout(partitionSize: source.count, pageAlignment: pageAlignment) } catch {
            throw PayloadCommandError("\(partition): " + (error == .emptyPartition ? "empty or too large" : "page alignment must be 1-65536"))
        }
        let header = SdiWriter.headerPage(layout, pageAlignment: pageAlignment)
        let sectors = layout.wimSlotOffset / 512
        try DiskImageWriter.write(sectorCount: sectors, to: output) { first, chunk in
            for k in 0..<chunk.count / 512 where !Self.sector(first + UInt64(k), header, layout, source,
                                                              UnsafeMutableRawBufferPointer(rebasing: chunk[k * 512..<(k + 1) * 512])) {
                return false
            }
            return true
        }
        print("\(output): PART blob at \(hexText(layout.partitionOffset)) (\(layout.partitionSize) bytes), empty WIM slot at \(hexText(layout.wimSlotOffset))")
    }

    /// Sector `lba` of the SDI: header page, zero padding, then the partition.
    static func sector(_ lba: UInt64, _ header: [UInt8], _ layout: SdiWriter.Layout, _ source: MappedFile,
                       _ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        let offset = lba * 512
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        if offset < UInt64(header.count) {
            header.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset) + 512])) }
            return true
        }
        guard offset >= layout.partitionOffset, offset - layout.partitionOffset < layout.partitionSize else { return true }
        let inPart = offset - layout.partitionOffset
        let n = Int(min(512, layout.partitionSize - inPart))
        return source.read(at: inPart, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n]))
    }
}

