/// Recursive-descent reader for device descriptors (see BcdDeviceDescriptor for the grammar).
/// Every read is bounds-checked; any surprise returns nil so the caller keeps the raw bytes.
/// `descriptor()` decodes exactly; the header readers let BcdDeviceSummary read leniently
/// from the same layout.
struct BcdDeviceReader {
    let bytes: [UInt8]
    var position: Int

    /// A descriptor's 16-byte header: type, flags, size (header and body), reserved; `end`
    /// is where the descriptor ends (checked to lie inside the bytes).
    struct Header {
        var type: UInt32, flags: UInt32, reserved: UInt32
        var end: Int
    }

    /// A file path's 12-byte header: version, length (of the whole file path), path type.
    struct FilePathHeader {
        var version: UInt32, pathType: UInt32
        var end: Int
    }

    mutating func header() -> Header? {
        let start = position
        guard let type = u32(), let flags = u32(), let size = u32(), let reserved = u32(),
              size >= 16, start + Int(size) <= bytes.count else { return nil }
        return Header(type: type, flags: flags, reserved: reserved, end: start + Int(size))
    }

    mutating func filePathHeader() -> FilePathHeader? {
        let start = position
        guard let version = u32(), let length = u32(), let pathType = u32() else { return nil }
        return FilePathHeader(version: version, pathType: pathType, end: start + Int(length))
    }

    mutating func descriptor() -> BcdDeviceDescriptor? {
        let start = position
        guard let header = header() else { return nil }
        let end = header.end
        let kind: BcdDeviceDescriptor.Kind
        switch header.type {
        case 5:
            kind = .boot(body: Array(bytes[position..<end]))
        case 6:
            guard end - position == 56 else { return nil }
            let body = Array(bytes[position..<end])
            guard let reserved1 = body.le32(at: 16), let styleCode = body.le32(at: 20),
                  let style = BcdPartitionIdentity.Style(rawValue: styleCode) else { return nil }
            kind = .partition(BcdPartitionIdentity(style: style, partitionID: Array(body[0..<16]), diskID: Array(body[24..<40]),
                                                   reserved1: reserved1, reserved2: Array(body[40..<56])))
        case 0:
            guard let local = localDevice(end: end) else { return nil }
            kind = local
        case 8:
            guard let locate = locate(descriptorStart: start, end: end) else { return nil }
            kind = .locate(locate)
        default:
            kind = .other(type: header.type, body: Array(bytes[position..<end]))
        }
        position = end
        return BcdDeviceDescriptor(flags: header.flags, reserved: header.reserved, kind: kind)
    }

    /// Ramdisk image placement: base u64, size u64, offset u32.
    mutating func ramdiskImage() -> BcdRamdiskImage? {
        guard let base = u64(), let size = u64(), let offset = u32() else { return nil }
        return BcdRamdiskImage(base: base, size: size, offset: offset)
    }

    private mutating func localDevice(end: Int) -> BcdDeviceDescriptor.Kind? {
        guard let localType = u32() else { return nil }
        switch localType {
        case 3:
            guard let image = ramdiskImage(), let path = filePath(end: end) else { return nil }
            return .ramdisk(image, path)
        case 5:
            guard let path = filePath(end: end) else { return nil }
            return .file(path)
        case 6:
            guard position + 20 <= end else { return nil }
            let reserved = Array(bytes[position..<position + 20])
            position += 20
            guard let inner = descriptor(), position == end else { return nil }
            return .virtualDisk(reserved: reserved, inner)
        default:
            return nil
        }
    }

    private mutating func filePath(end: Int) -> BcdFilePath? {
        guard let header = filePathHeader(), header.end == end, let parent = descriptor(),
              let path = BcdText.decodeSingle(Array(bytes[position..<end])) else { return nil }
        position = end
        var result = BcdFilePath(parent: parent, path: path)
        result.version = header.version
        result.pathType = header.pathType
        return result
    }

    private mutating func locate(descriptorStart: Int, end: Int) -> BcdLocate? {
        guard let kind = u32(), let element = u32(), let parentOffset = u32() else { return nil }
        let stringEnd = parentOffset == 0 ? end : descriptorStart + Int(parentOffset)
        guard stringEnd >= position, stringEnd <= end,
              let text = BcdText.decodeSingle(Array(bytes[position..<stringEnd])) else { return nil }
        position = stringEnd
        var parent: BcdDeviceDescriptor?
        if parentOffset != 0 {
            guard let inner = descriptor(), position == end else { return nil }
            parent = inner
        }
        return BcdLocate(kind: kind, element: element, string: text, parent: parent)
    }

    mutating func u32() -> UInt32? {
        guard let value = bytes.le32(at: position) else { return nil }
        position += 4
        return value
    }

    private mutating func u64() -> UInt64? {
        guard let value = bytes.le64(at: position) else { return nil }
        position += 8
        return value
    }
}
