/// A device element value: a 16-byte "additional options" object id (all zero when none;
/// {ramdiskoptions} for ramdisks) followed by one device descriptor.
public struct DeviceElement: Hashable, Sendable {
    public var options: BCDGUID?
    public var descriptor: DeviceDescriptor

    public init(options: BCDGUID? = nil, descriptor: DeviceDescriptor) {
        self.options = options
        self.descriptor = descriptor
    }

    /// Decodes element bytes. Returns nil unless the bytes follow the known grammar AND
    /// re-encode to exactly the same bytes (anything else is kept and shown raw).
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 32, let guid = BCDGUID(bytes: Array(bytes[0..<16])) else { return nil }
        var reader = DeviceReader(bytes: bytes, position: 16)
        guard let descriptor = reader.descriptor(), reader.position == bytes.count else { return nil }
        self.options = guid.isZero ? nil : guid
        self.descriptor = descriptor
        guard encoded == bytes else { return nil }
    }

    public var encoded: [UInt8] {
        (options ?? .zero).bytes + descriptor.encoded
    }
}

/// One device descriptor: a 16-byte header (type, flags, total size, reserved) and a body.
/// Types: 0 local device (ramdisk, file, virtual disk), 5 boot, 6 partition, 8 locate.
public struct DeviceDescriptor: Hashable, Sendable {
    public var flags: UInt32
    public var reserved: UInt32
    public var kind: Kind

    public indirect enum Kind: Hashable, Sendable {
        /// The device the boot application was loaded from. Body: 56 bytes, zero in practice.
        case boot(body: [UInt8])
        case partition(PartitionIdentity)
        /// Local device type 3: a ramdisk image loaded from a file.
        case ramdisk(RamdiskImage, FilePath)
        /// Local device type 5: a file on a parent device.
        case file(FilePath)
        /// Local device type 6: a virtual hard disk whose backing file is the inner descriptor.
        case virtualDisk(reserved: [UInt8], DeviceDescriptor)
        case locate(Locate)
        /// Any other type, kept byte for byte.
        case other(type: UInt32, body: [UInt8])
    }

    public init(flags: UInt32 = 0, reserved: UInt32 = 0, kind: Kind) {
        self.flags = flags
        self.reserved = reserved
        self.kind = kind
    }

    public var typeCode: UInt32 {
        switch kind {
        case .boot: return 5
        case .partition: return 6
        case .ramdisk, .file, .virtualDisk: return 0
        case .locate: return 8
        case .other(let type, _): return type
        }
    }

    public var encoded: [UInt8] {
        let body: [UInt8]
        switch kind {
        case .boot(let bytes): body = bytes
        case .partition(let identity): body = identity.encoded
        case .ramdisk(let image, let path): body = le32(3) + image.encoded + path.encoded
        case .file(let path): body = le32(5) + path.encoded
        case .virtualDisk(let reserved, let inner): body = le32(6) + reserved + inner.encoded
        case .locate(let locate): body = locate.encodedBody(descriptorStart: 0)
        case .other(_, let bytes): body = bytes
        }
        return le32(typeCode) + le32(flags) + le32(UInt32(16 + body.count)) + le32(reserved) + body
    }
}

/// Which partition: GPT (disk GUID + partition GUID) or MBR (disk signature + byte offset).
/// Body layout (56 bytes): partition id (16), reserved u32, style u32 (0 GPT, 1 MBR),
/// disk id (16), reserved (16).
public struct PartitionIdentity: Hashable, Sendable {
    public enum Style: UInt32, Sendable { case gpt = 0, mbr = 1 }

    public var style: Style
    public var partitionID: [UInt8]   // GPT: partition GUID; MBR: u64 byte offset + 8 zero bytes
    public var diskID: [UInt8]        // GPT: disk GUID; MBR: u32 signature + 12 zero bytes
    public var reserved1: UInt32 = 0
    public var reserved2: [UInt8] = [UInt8](repeating: 0, count: 16)

    public static func gpt(disk: BCDGUID, partition: BCDGUID) -> PartitionIdentity {
        PartitionIdentity(style: .gpt, partitionID: partition.bytes, diskID: disk.bytes)
    }

    public static func mbr(signature: UInt32, offset: UInt64) -> PartitionIdentity {
        PartitionIdentity(style: .mbr, partitionID: leBytes(offset, count: 8) + [UInt8](repeating: 0, count: 8),
                          diskID: leBytes(UInt64(signature), count: 4) + [UInt8](repeating: 0, count: 12))
    }

    public var gptDisk: BCDGUID? { style == .gpt ? BCDGUID(bytes: diskID) : nil }
    public var gptPartition: BCDGUID? { style == .gpt ? BCDGUID(bytes: partitionID) : nil }
    public var mbrSignature: UInt32 { UInt32(littleEndian(Array(diskID[0..<4]))) }
    public var mbrOffset: UInt64 { littleEndian(Array(partitionID[0..<8])) }

    var encoded: [UInt8] {
        partitionID + le32(reserved1) + le32(style.rawValue) + diskID + reserved2
    }
}

/// Ramdisk image placement (20 bytes): image base u64, image size u64, image offset u32.
public struct RamdiskImage: Hashable, Sendable {
    public var base: UInt64 = 0
    public var size: UInt64 = 0
    public var offset: UInt32 = 0
    public init(base: UInt64 = 0, size: UInt64 = 0, offset: UInt32 = 0) {
        self.base = base
        self.size = size
        self.offset = offset
    }
    var encoded: [UInt8] { leBytes(base, count: 8) + leBytes(size, count: 8) + le32(offset) }
}

/// A path on a parent device: version u32 (1), length u32 (of this whole structure),
/// path type u32 (5), the parent's descriptor, then the UTF-16LE path with its NUL.
public struct FilePath: Hashable, Sendable {
    public var version: UInt32 = 1
    public var pathType: UInt32 = 5
    public var parent: DeviceDescriptor
    public var path: String

    public init(parent: DeviceDescriptor, path: String) {
        self.parent = parent
        self.path = path
    }

    var encoded: [UInt8] {
        let tail = parent.encoded + UTF16Text.encodeSingle(path)
        return le32(version) + le32(UInt32(12 + tail.count)) + le32(pathType) + tail
    }
}

/// A device found at boot by searching (type 8). Body: kind u32 (0 = by the path in the
/// element `element` of the loading object, 1 = by the string that follows), element u32,
/// parent offset u32 (from the start of this descriptor, 0 when none), a NUL-terminated
/// UTF-16LE string, then the parent descriptor where the offset points.
public struct Locate: Hashable, Sendable {
    public var kind: UInt32
    public var element: UInt32
    public var string: String
    public var parent: DeviceDescriptor?

    public init(kind: UInt32, element: UInt32, string: String, parent: DeviceDescriptor?) {
        self.kind = kind
        self.element = element
        self.string = string
        self.parent = parent
    }

    func encodedBody(descriptorStart: Int) -> [UInt8] {
        let text = UTF16Text.encodeSingle(string)
        let parentOffset = parent == nil ? 0 : UInt32(16 + 12 + text.count)
        return le32(kind) + le32(element) + le32(parentOffset) + text + (parent?.encoded ?? [])
    }
}

func le32(_ value: UInt32) -> [UInt8] { leBytes(UInt64(value), count: 4) }
