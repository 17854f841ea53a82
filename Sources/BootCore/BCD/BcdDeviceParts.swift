/// The parts a device descriptor is made of (see BcdDeviceDescriptor).

/// Which partition: GPT (disk GUID + partition GUID) or MBR (disk signature + byte offset).
/// Body layout (56 bytes): partition id (16), reserved u32, style u32 (0 GPT, 1 MBR),
/// disk id (16), reserved (16).
public struct BcdPartitionIdentity: Hashable, Sendable {
    public enum Style: UInt32, Sendable { case gpt = 0, mbr = 1 }

    public var style: Style
    public var partitionID: [UInt8]   // GPT: partition GUID; MBR: u64 byte offset + 8 zero bytes
    public var diskID: [UInt8]        // GPT: disk GUID; MBR: u32 signature + 12 zero bytes
    public var reserved1: UInt32 = 0
    public var reserved2: [UInt8] = [UInt8](repeating: 0, count: 16)

    public static func gpt(disk: BcdGuid, partition: BcdGuid) -> BcdPartitionIdentity {
        BcdPartitionIdentity(style: .gpt, partitionID: partition.bytes, diskID: disk.bytes)
    }

    public static func mbr(signature: UInt32, offset: UInt64) -> BcdPartitionIdentity {
        var partition: [UInt8] = [], disk: [UInt8] = []
        partition.appendLE(offset)
        partition += [UInt8](repeating: 0, count: 8)
        disk.appendLE(signature)
        disk += [UInt8](repeating: 0, count: 12)
        return BcdPartitionIdentity(style: .mbr, partitionID: partition, diskID: disk)
    }

    public var gptDisk: BcdGuid? { style == .gpt ? BcdGuid(bytes: diskID) : nil }
    public var gptPartition: BcdGuid? { style == .gpt ? BcdGuid(bytes: partitionID) : nil }
    public var mbrSignature: UInt32 { diskID.le32(at: 0) ?? 0 }
    public var mbrOffset: UInt64 { partitionID.le64(at: 0) ?? 0 }

    var encoded: [UInt8] {
        var out = partitionID
        out.appendLE(reserved1)
        out.appendLE(style.rawValue)
        return out + diskID + reserved2
    }
}

/// Ramdisk image placement (20 bytes): image base u64, image size u64, image offset u32.
public struct BcdRamdiskImage: Hashable, Sendable {
    public var base: UInt64 = 0
    public var size: UInt64 = 0
    public var offset: UInt32 = 0
    public init(base: UInt64 = 0, size: UInt64 = 0, offset: UInt32 = 0) {
        self.base = base
        self.size = size
        self.offset = offset
    }

    var encoded: [UInt8] {
        var out: [UInt8] = []
        out.appendLE(base)
        out.appendLE(size)
        out.appendLE(offset)
        return out
    }
}

/// A path on a parent device: version u32 (1), length u32 (of this whole structure),
/// path type u32 (5), the parent's descriptor, then the UTF-16LE path with its NUL.
public struct BcdFilePath: Hashable, Sendable {
    public var version: UInt32 = 1
    public var pathType: UInt32 = 5
    public var parent: BcdDeviceDescriptor
    public var path: String

    public init(parent: BcdDeviceDescriptor, path: String) {
        self.parent = parent
        self.path = path
    }

    var encoded: [UInt8] {
        let tail = parent.encoded + BcdText.encodeSingle(path)
        var out: [UInt8] = []
        out.appendLE(version)
        out.appendLE(UInt32(12 + tail.count))
        out.appendLE(pathType)
        return out + tail
    }
}

/// A device found at boot by searching (type 8). Body: kind u32 (0 = by the path in the
/// element `element` of the loading object, 1 = by the string that follows), element u32,
/// parent offset u32 (from the start of this descriptor, 0 when none), a NUL-terminated
/// UTF-16LE string, then the parent descriptor where the offset points.
public struct BcdLocate: Hashable, Sendable {
    public var kind: UInt32
    public var element: UInt32
    public var string: String
    public var parent: BcdDeviceDescriptor?

    public init(kind: UInt32, element: UInt32, string: String, parent: BcdDeviceDescriptor?) {
        self.kind = kind
        self.element = element
        self.string = string
        self.parent = parent
    }

    var encodedBody: [UInt8] {
        let text = BcdText.encodeSingle(string)
        var out: [UInt8] = []
        out.appendLE(kind)
        out.appendLE(element)
        out.appendLE(parent == nil ? 0 : UInt32(16 + 12 + text.count))  // header + these 3 fields + text
        return out + text + (parent?.encoded ?? [])
    }
}
