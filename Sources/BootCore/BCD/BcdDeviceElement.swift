/// A device element value (REG_BINARY): a 16-byte "additional options" object id (all zero
/// when none; {ramdiskoptions} for ramdisks) followed by one device descriptor.
public struct BcdDeviceElement: Hashable, Sendable {
    public var options: BcdGuid?
    public var descriptor: BcdDeviceDescriptor

    public init(options: BcdGuid? = nil, descriptor: BcdDeviceDescriptor) {
        self.options = options
        self.descriptor = descriptor
    }

    /// Decodes element bytes. Returns nil unless the bytes follow the known grammar AND
    /// re-encode to exactly the same bytes (anything else is kept and shown raw).
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 32, let guid = BcdGuid(bytes: bytes, at: 0) else { return nil }
        var reader = BcdDeviceReader(bytes: bytes, position: 16)
        guard let descriptor = reader.descriptor(), reader.position == bytes.count else { return nil }
        self.options = guid.isZero ? nil : guid
        self.descriptor = descriptor
        var again: [UInt8] = []
        again.reserveCapacity(bytes.count)
        again += guid.bytes
        descriptor.encode(into: &again)
        guard again == bytes else { return nil }
    }

    public var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        out += (options ?? .zero).bytes
        descriptor.encode(into: &out)
        return out
    }
}

/// One device descriptor: a 16-byte header (type, flags, total size, reserved) and a body.
/// Types: 0 local device (ramdisk, file, virtual disk), 5 boot, 6 partition, 8 locate.
public struct BcdDeviceDescriptor: Hashable, Sendable {
    public var flags: UInt32
    public var reserved: UInt32
    public var kind: Kind

    public indirect enum Kind: Hashable, Sendable {
        /// The device the boot application was loaded from. Body: 56 bytes, zero in practice.
        case boot(body: [UInt8])
        case partition(BcdPartitionIdentity)
        /// Local device type 3: a ramdisk image loaded from a file.
        case ramdisk(BcdRamdiskImage, BcdFilePath)
        /// Local device type 5: a file on a parent device.
        case file(BcdFilePath)
        /// Local device type 6: a virtual hard disk whose backing file is the inner descriptor.
        case virtualDisk(reserved: [UInt8], BcdDeviceDescriptor)
        case locate(BcdLocate)
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
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    /// Appends the descriptor in place (header, then body; the size at +8 is filled in last),
    /// so decoding's round-trip check does not build a temporary array per part.
    func encode(into out: inout [UInt8]) {
        let start = out.count
        out.appendLE(typeCode)
        out.appendLE(flags)
        out.appendLE(UInt32(0))
        out.appendLE(reserved)
        switch kind {
        case .boot(let bytes): out += bytes
        case .partition(let identity): identity.encode(into: &out)
        case .ramdisk(let image, let path): out.appendLE(UInt32(3)); image.encode(into: &out); path.encode(into: &out)
        case .file(let path): out.appendLE(UInt32(5)); path.encode(into: &out)
        case .virtualDisk(let reserved, let inner): out.appendLE(UInt32(6)); out += reserved; inner.encode(into: &out)
        case .locate(let locate): locate.encodeBody(into: &out, descriptorStart: start)
        case .other(_, let bytes): out += bytes
        }
        out.putLE(UInt32(out.count - start), at: start + 8)
    }
}
