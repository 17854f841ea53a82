/// Reader for "newc" cpio archives, the initrd format of Linux and iPXE. Each member is a
/// 110-byte ASCII header ("070701" then 13 fields of 8 hex digits), the name (namesize bytes,
/// NUL included) padded so header+name is a multiple of 4, then the data padded to 4 bytes.
/// The member named "TRAILER!!!" ends the archive. Every length is checked against the data.
public enum CpioReader {
    static let headerSize: UInt64 = 110
    static let trailerName = "TRAILER!!!"
    /// Field order after the 6-byte magic (each 8 hex digits).
    static let fieldNames = ["ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
                             "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize", "check"]

    /// The members in order, up to (not including) the trailer. Data that ends cleanly between
    /// members without a trailer is accepted, as the kernel's initramfs unpacker does; zero
    /// padding after a trailer (concatenated archives) is skipped and reading continues.
    public static func entries<Source: ByteSource>(of source: Source) throws(CpioError) -> [CpioEntry] {
        var result: [CpioEntry] = []
        var offset: UInt64 = 0
        while offset < source.count {
            if isZeroPadding(source, at: offset) { offset += 4; continue }
            let (entry, next) = try member(of: source, at: offset)
            offset = next
            if sameBytes(entry.name, trailerName) { continue }
            result.append(entry)
        }
        return result
    }

    /// Four zero bytes where a header could start: padding between concatenated archives.
    static func isZeroPadding<Source: ByteSource>(_ source: Source, at offset: UInt64) -> Bool {
        guard let word = source.bytes(at: offset, length: min(4, Int(source.count - offset))) else { return false }
        return word.allSatisfy { $0 == 0 }
    }

    /// The member at `offset` and the offset of the next one.
    public static func member<Source: ByteSource>(of source: Source, at offset: UInt64) throws(CpioError) -> (CpioEntry, UInt64) {
        guard let header = source.bytes(at: offset, length: Int(headerSize)) else { throw .truncated(offset: offset) }
        let magic = Array(header[0..<6])
        guard magic == Array("070701".utf8) || magic == Array("070702".utf8) else { throw .badMagic(offset: offset) }
        var fields: [UInt32] = []
        for (i, name) in fieldNames.enumerated() {
            guard let value = hexField(header, at: 6 + 8 * i) else { throw .badField(offset: offset, field: name) }
            fields.append(value)
        }
        let mode = fields[1], fileSize = UInt64(fields[6]), nameSize = UInt64(fields[11])
        guard nameSize >= 1 else { throw .badName(offset: offset) }
        let nameOffset = offset + headerSize
        guard nameSize <= source.count, nameOffset <= source.count - nameSize,
              let nameBytes = source.bytes(at: nameOffset, length: Int(nameSize)) else { throw .truncated(offset: offset) }
        // namesize counts the name's NUL (newc). GRUB's `initrd16 newc:NAME:PATH` members count
        // only the name's bytes (the NUL, if any, lies in the padding); the data's offset follows
        // namesize either way, so both are read.
        let nameBody = nameBytes.last == 0 ? nameBytes.dropLast() : nameBytes[...]
        guard !nameBody.isEmpty, !nameBody.contains(0) else { throw .badName(offset: offset) }
        let name = String(decoding: nameBody, as: UTF8.self)
        let dataOffset = alignUp4(nameOffset + nameSize)
        guard dataOffset <= source.count, fileSize <= source.count - dataOffset else { throw .truncated(offset: offset) }
        let entry = CpioEntry(name: name, mode: mode, size: fileSize, dataOffset: dataOffset, headerOffset: offset)
        // The last member's data padding may be missing at the very end of the data.
        return (entry, min(alignUp4(dataOffset + fileSize), source.count))
    }

    static func alignUp4(_ value: UInt64) -> UInt64 { (value + 3) & ~3 }

    static func hexField(_ header: [UInt8], at offset: Int) -> UInt32? {
        var value: UInt32 = 0
        for i in offset..<offset + 8 {
            let c = header[i]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
