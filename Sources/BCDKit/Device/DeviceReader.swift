/// Recursive-descent reader for device descriptors (see DeviceDescriptor for the grammar).
/// Every read is bounds-checked; any surprise returns nil so the caller keeps the raw bytes.
struct DeviceReader {
    let bytes: [UInt8]
    var position: Int

    mutating func descriptor() -> DeviceDescriptor? {
        let start = position
        guard let type = u32(), let flags = u32(), let size = u32(), let reserved = u32(),
              size >= 16, start + Int(size) <= bytes.count else { return nil }
        let end = start + Int(size)
        let kind: DeviceDescriptor.Kind
        switch type {
        case 5:
            kind = .boot(body: Array(bytes[position..<end]))
        case 6:
            guard end - position == 56 else { return nil }
            let body = Array(bytes[position..<end])
            guard let style = PartitionIdentity.Style(rawValue: UInt32(littleEndian(Array(body[20..<24])))) else { return nil }
            kind = .partition(PartitionIdentity(style: style, partitionID: Array(body[0..<16]), diskID: Array(body[24..<40]),
                                                reserved1: UInt32(littleEndian(Array(body[16..<20]))),
                                                reserved2: Array(body[40..<56])))
        case 0:
            guard let local = localDevice(end: end) else { return nil }
            kind = local
        case 8:
            guard let locate = locate(descriptorStart: start, end: end) else { return nil }
            kind = .locate(locate)
        default:
            kind = .other(type: type, body: Array(bytes[position..<end]))
        }
        position = end
        return DeviceDescriptor(flags: flags, reserved: reserved, kind: kind)
    }

    private mutating func localDevice(end: Int) -> DeviceDescriptor.Kind? {
        guard let localType = u32() else { return nil }
        switch localType {
        case 3:
            guard let base = u64(), let size = u64(), let offset = u32(),
                  let path = filePath(end: end) else { return nil }
            return .ramdisk(RamdiskImage(base: base, size: size, offset: offset), path)
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

    private mutating func filePath(end: Int) -> FilePath? {
        let start = position
        guard let version = u32(), let length = u32(), let pathType = u32(),
              start + Int(length) == end, let parent = descriptor(),
              let path = UTF16Text.decodeSingle(Array(bytes[position..<end])) else { return nil }
        position = end
        var result = FilePath(parent: parent, path: path)
        result.version = version
        result.pathType = pathType
        return result
    }

    private mutating func locate(descriptorStart: Int, end: Int) -> Locate? {
        guard let kind = u32(), let element = u32(), let parentOffset = u32() else { return nil }
        let stringEnd = parentOffset == 0 ? end : descriptorStart + Int(parentOffset)
        guard stringEnd >= position, stringEnd <= end,
              let text = UTF16Text.decodeSingle(Array(bytes[position..<stringEnd])) else { return nil }
        position = stringEnd
        var parent: DeviceDescriptor?
        if parentOffset != 0 {
            guard let inner = descriptor(), position == end else { return nil }
            parent = inner
        }
        return Locate(kind: kind, element: element, string: text, parent: parent)
    }

    private mutating func u32() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        defer { position += 4 }
        return UInt32(littleEndian(Array(bytes[position..<position + 4])))
    }

    private mutating func u64() -> UInt64? {
        guard position + 8 <= bytes.count else { return nil }
        defer { position += 8 }
        return littleEndian(Array(bytes[position..<position + 8]))
    }
}
