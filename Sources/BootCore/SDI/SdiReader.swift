/// Reads a boot.sdi and reports what it holds and what is wrong with it. It never throws:
/// everything, including "not an SDI at all", is a finding, so a tool can show the full list.
public enum SdiReader {
    public static func read<Source: ByteSource>(_ source: Source) -> SdiReport {
        var report = SdiReport()
        guard source.count >= UInt64(SdiFormat.headerSectorSize),
              let header = source.bytes(at: 0, length: SdiFormat.headerSectorSize) else {
            report.fail("file is \(source.count) bytes: too small to hold an SDI header (512 bytes)")
            return report
        }
        guard Array(header[0..<8]) == SdiFormat.signature else {
            report.fail("no SDI signature: the file does not start with \"$SDI0001\"")
            return report
        }
        report.note("signature $SDI0001")
        readHeader(header, into: &report)
        guard source.count >= SdiFormat.headerPageSize,
              let page = source.bytes(at: 0, length: Int(SdiFormat.headerPageSize)) else {
            report.fail("file is \(source.count) bytes: it ends inside the 4096-byte header page")
            return report
        }
        readTableOfContents(page, into: &report)
        checkBlobPlacement(source.count, &report)
        checkBootCode(&report)
        checkPartition(source, &report)
        checkDisk(source, &report)
        checkWimSlot(source.count, &report)
        return report
    }

    static func readHeader(_ header: [UInt8], into report: inout SdiReport) {
        report.mdbType = header.le64(at: SdiFormat.mdbTypeOffset) ?? 0
        report.bootCodeOffset = header.le64(at: SdiFormat.bootCodeOffsetOffset) ?? 0
        report.bootCodeSize = header.le64(at: SdiFormat.bootCodeSizeOffset) ?? 0
        report.pageAlignment = header.le64(at: SdiFormat.pageAlignmentOffset) ?? 0
        switch report.mdbType {
        case 0: report.note("MDB type 0 (unspecified)")
        case 1: report.note("MDB type 1 (RAM)")
        case 2: report.note("MDB type 2 (ROM)")
        default: report.warn("MDB type \(report.mdbType) is not one of 0 (unspecified), 1 (RAM), 2 (ROM)")
        }
        report.storedChecksum = header[SdiFormat.checksumOffset]
        report.computedChecksum = SdiFormat.checksum(ofHeader: header)
        if report.storedChecksum == report.computedChecksum {
            report.note("header checksum \(hexText(report.storedChecksum, digits: 2)) is correct")
        } else {
            report.fail("header checksum is \(hexText(report.storedChecksum, digits: 2)), should be \(hexText(report.computedChecksum, digits: 2)) (byte sum of 0x000-0x1FF must be 0)")
        }
        if report.pageAlignment == 0 {
            report.warn("PageAlignment is 0; blobs are checked against 1 page (4096 bytes)")
        } else if report.pageAlignment > 0x10000 {
            report.warn("PageAlignment \(report.pageAlignment) is implausibly large; blobs are checked against 1 page")
        } else {
            report.note("PageAlignment \(report.pageAlignment): blobs start on \(alignment(report)) byte boundaries")
        }
    }

    /// Blob alignment in bytes (a zero or absurd PageAlignment counts as 1 page).
    static func alignment(_ report: SdiReport) -> UInt64 {
        (report.pageAlignment == 0 || report.pageAlignment > 0x10000) ? SdiFormat.pageSize : report.pageAlignment * SdiFormat.pageSize
    }

    static func readTableOfContents(_ page: [UInt8], into report: inout SdiReport) {
        for record in 0..<SdiFormat.tocRecordCount {
            let base = SdiFormat.tocOffset + record * SdiFormat.tocRecordSize
            let raw = Array(page[base..<base + SdiFormat.tocRecordSize])
            if raw.allSatisfy({ $0 == 0 }) { continue }
            let offset = raw.le64(at: 0x10) ?? 0, size = raw.le64(at: 0x18) ?? 0
            guard let type = blobType(Array(raw[0..<8])) else {
                report.warn("TOC record \(record) has an invalid type field (not upper-case ASCII padded with NULs); ignored")
                continue
            }
            if type.isEmpty {
                report.warn("TOC record \(record) has no type (offset \(hexText(offset)), size \(size)): a leftover, ignored")
                continue
            }
            let blob = SdiBlob(type: type, attributes: raw.le64(at: 0x08) ?? 0, offset: offset, size: size,
                               baseAddress: raw.le64(at: 0x20) ?? 0, record: record)
            if !SdiFormat.knownBlobTypes.contains(where: { sameBytes($0, type) }) {
                report.warn("TOC record \(record) has unknown blob type \(type)")
            } else if report.blob(ofType: type) != nil {
                report.warn("TOC record \(record) is a second \(type) blob; the first one counts")
            }
            report.blobs.append(blob)
            report.note("\(type) blob (TOC record \(record)) at \(hexText(offset)), \(size) bytes, attributes \(hexText(blob.attributes))")
        }
        if report.blobs.isEmpty { report.fail("the table of contents at 0x400 lists no blobs") }
    }

    /// Type field: 1-8 upper-case letters or digits, then NULs. "" for an all-NUL field.
    static func blobType(_ field: [UInt8]) -> String? {
        let length = field.firstIndex(of: 0) ?? field.count
        for b in field[length...] where b != 0 { return nil }
        for b in field[..<length] where !((b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)) { return nil }
        return String(decoding: field[..<length], as: UTF8.self)
    }

    static func checkBlobPlacement(_ fileSize: UInt64, _ report: inout SdiReport) {
        let align = alignment(report)
        for blob in report.blobs {
            if blob.offset % align != 0 {
                report.warn("\(blob.type) blob at \(hexText(blob.offset)) is not aligned to \(align) bytes")
            }
            if blob.offset < SdiFormat.headerPageSize && blob.size > 0 {
                report.fail("\(blob.type) blob at \(hexText(blob.offset)) overlaps the header page")
            }
            if blob.offset > fileSize || blob.size > fileSize - blob.offset {
                report.fail("\(blob.type) blob (\(hexText(blob.offset)) + \(blob.size) bytes) extends past the end of the file (\(fileSize) bytes)")
            }
        }
        for i in 0..<report.blobs.count {
            for j in (i + 1)..<report.blobs.count {
                let a = report.blobs[i], b = report.blobs[j]
                guard a.size > 0, b.size > 0 else { continue }
                if a.offset < b.offset &+ b.size && b.offset < a.offset &+ a.size {
                    report.fail("\(a.type) blob and \(b.type) blob overlap")
                }
            }
        }
        if !report.blobs.contains(where: { sameBytes($0.type, "PART") || sameBytes($0.type, "DISK") }) {
            report.fail("no PART or DISK blob: there is no volume for the ramdisk to mount")
        }
    }

    static func checkBootCode(_ report: inout SdiReport) {
        if let boot = report.blob(ofType: "BOOT") {
            if boot.offset != report.bootCodeOffset || boot.size != report.bootCodeSize {
                report.warn("header BootCodeOffset/Size (\(hexText(report.bootCodeOffset)), \(report.bootCodeSize)) do not match the BOOT blob")
            }
        } else if report.bootCodeOffset != 0 || report.bootCodeSize != 0 {
            report.warn("header names boot code (\(hexText(report.bootCodeOffset)), \(report.bootCodeSize) bytes) but there is no BOOT blob")
        }
    }

    static func checkPartition<Source: ByteSource>(_ source: Source, _ report: inout SdiReport) {
        guard let part = report.blob(ofType: "PART"), part.offset <= source.count, part.size <= source.count - part.offset else { return }
        guard part.size >= 512, let sector = source.bytes(at: part.offset, length: 512) else {
            report.fail("PART blob is \(part.size) bytes: too small for a boot sector")
            return
        }
        guard Array(sector[3..<11]) == Array("NTFS    ".utf8) else {
            report.fail("PART blob does not start with an NTFS boot sector (no \"NTFS    \" at +3)")
            return
        }
        report.note("PART blob starts with an NTFS boot sector")
        if sector[510] != 0x55 || sector[511] != 0xAA { report.warn("NTFS boot sector lacks the 55 AA signature at +510") }
        // NTFS: bytes per sector at +0x0B, total sectors at +0x28 (the backup boot sector that
        // follows the volume is not counted).
        let bytesPerSector = UInt64(sector.le16(at: 0x0B) ?? 0)
        let totalSectors = sector.le64(at: 0x28) ?? 0
        let (volumeBytes, overflow) = bytesPerSector.multipliedReportingOverflow(by: totalSectors)
        if overflow || volumeBytes > part.size {
            report.fail("NTFS volume (\(totalSectors) sectors of \(bytesPerSector) bytes) is larger than the PART blob (\(part.size) bytes)")
        } else {
            report.note("NTFS volume of \(volumeBytes) bytes (\(totalSectors) sectors of \(bytesPerSector) bytes)")
        }
        switch part.baseAddress {
        case SdiFormat.ntfsPartitionType: report.note("PART partition type 7 (NTFS)")
        case 0: report.note("PART partition type not set (0)")
        default: report.warn("PART partition type is \(part.baseAddress), not 7 (NTFS)")
        }
    }

    static func checkDisk<Source: ByteSource>(_ source: Source, _ report: inout SdiReport) {
        guard let disk = report.blob(ofType: "DISK"), disk.offset <= source.count, disk.size <= source.count - disk.offset else { return }
        guard disk.size >= 512, let sector = source.bytes(at: disk.offset, length: 512), sector[510] == 0x55, sector[511] == 0xAA else {
            report.fail("DISK blob does not start with a master boot record (no 55 AA at +510)")
            return
        }
        report.note("DISK blob starts with a master boot record")
    }

    /// WinPE's boot.sdi ends with an empty WIM record whose offset is the end of the file.
    static func checkWimSlot(_ fileSize: UInt64, _ report: inout SdiReport) {
        var dataEnd: UInt64 = SdiFormat.headerPageSize
        for blob in report.blobs where !sameBytes(blob.type, "WIM") && blob.offset <= fileSize && blob.size <= fileSize - blob.offset {
            dataEnd = max(dataEnd, blob.offset + blob.size)
        }
        guard let wim = report.blob(ofType: "WIM") else {
            report.warn("no WIM record (WinPE's boot.sdi has an empty one at the end)")
            if fileSize > dataEnd { report.warn("\(fileSize - dataEnd) bytes follow the last blob") }
            return
        }
        if wim.size == 0 {
            report.note("empty WIM slot at \(hexText(wim.offset))" + (wim.offset == fileSize ? " (the end of the file)" : ""))
        } else {
            report.note("WIM blob holds \(wim.size) bytes")
        }
        if wim.offset < dataEnd { report.warn("WIM slot at \(hexText(wim.offset)) is not after the other blobs") }
        let (wimEnd, overflow) = wim.offset.addingReportingOverflow(wim.size)
        let end = max(overflow ? UInt64.max : wimEnd, dataEnd)
        if wim.size == 0 && wim.offset != fileSize && wim.offset <= fileSize {
            report.warn("empty WIM slot at \(hexText(wim.offset)) is not at the end of the file (\(fileSize) bytes)")
        } else if fileSize > end {
            report.warn("\(fileSize - end) bytes follow the last blob")
        }
    }
}
