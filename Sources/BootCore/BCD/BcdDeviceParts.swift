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

    func encode(into out: inout [UInt8]) {
        out += partitionID
        out.appendLE(reserved1)
        out.appendLE(style.rawValue)
        out += diskID
        out += reserved2
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

    func encode(into out: inout [UInt8]) {
        out.appendLE(base)
        out.appendLE(size)
        out.appendLE(offset)
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

    /// The length at +4 covers the whole structure; filled in once the path is appended.
    func encode(into out: inout [UInt8]) {
        let start = out.count
        out.appendLE(version)
        out.appendLE(UInt32(0))
        out.appendLE(pathType)
        parent.encode(into: &out)
        BcdText.appendSingle(path, to: &out)
        out.putLE(UInt32(out.count - start), at: start + 4)
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

    /// The parent offset (+8 of the body) counts from the descriptor's start: header, these
    /// three fields and the text; 0 when there is no parent.
    func encodeBody(into out: inout [UInt8], descriptorStart: Int) {
        out.appendLE(kind)
        out.appendLE(element)
        let offsetField = out.count
        out.appendLE(UInt32(0))
        BcdText.appendSingle(string, to: &out)
        if let parent {
            out.putLE(UInt32(out.count - descriptorStart), at: offsetField)
            parent.encode(into: &out)
        }
    }
}
