/// Everything of a hive that a writer must keep, read from the cells reachable from the root:
/// keys (flat, `keys[0]` is the root; `subkeys` index into `keys`), their values with their
/// data, and the distinct security descriptors (`security` indexes `descriptors`). Names are
/// kept as stored (Latin-1 bytes when the compressed-name flag is set, else UTF-16LE), so a
/// rewrite changes no byte of them. Free cells and unreachable cells are not part of it.
public struct RegistryImage: Equatable {
    public struct Key: Equatable {
        public var name: [UInt8]
        /// nk 0x02: 0x20 compressed name, 0x04 hive entry (root), 0x08 no delete, ...
        public var flags: UInt16
        /// nk 0x04: last-write time, a FILETIME.
        public var timestamp: UInt64
        /// nk 0x0C: access bits (Windows 8+), kept as found.
        public var accessBits: UInt32
        /// nk 0x10 of the root (it points outside the hive, at the master key); 0 for the others,
        /// whose parent is the key that lists them.
        public var parentField: UInt32
        /// nk 0x34 bits 16-31: virtualization and user flags, kept as found.
        public var nameFieldFlags: UInt16
        public var className: [UInt8]
        public var security: Int?
        public var values: [Value]
        public var subkeys: [Int]

        public var isCompressedName: Bool { flags & 0x20 != 0 }
        /// The name's length in bytes as UTF-16, which the "largest name" fields count.
        public var utf16NameLength: Int { isCompressedName ? name.count * 2 : name.count }
    }

    public struct Value: Equatable {
        public var name: [UInt8]
        /// vk 0x10: bit 0 compressed name.
        public var flags: UInt16
        public var type: UInt32
        public var data: [UInt8]

        public var utf16NameLength: Int { flags & 1 != 0 ? name.count * 2 : name.count }
    }

    /// The source's base block (4096 bytes): fields the writer does not set are kept.
    public var baseBlock: [UInt8]
    public var keys: [Key]
    public var descriptors: [[UInt8]]
}

extension RegistryHive {
    /// Deepest key path followed; deeper (or looping) trees are refused as damaged.
    static let maxKeyDepth = 512

    /// Reads every key reachable from the root, with values, data and security.
    public func image() throws(RegistryError) -> RegistryImage {
        var result = RegistryImage(baseBlock: Array(bytes[0..<RegistryHive.binsStart]), keys: [], descriptors: [])
        var descriptorIndex: [[UInt8]: Int] = [:]
        var visited: Set<UInt32> = []
        _ = try imageKey(rootCell, depth: 0, into: &result, descriptorIndex: &descriptorIndex, visited: &visited)
        return result
    }

    private func imageKey(_ cell: UInt32, depth: Int, into result: inout RegistryImage,
                          descriptorIndex: inout [[UInt8]: Int], visited: inout Set<UInt32>) throws(RegistryError) -> Int {
        let data = try record(cell, "nk")
        guard depth <= RegistryHive.maxKeyDepth, visited.insert(cell).inserted else { throw .indexTooDeep(offset: data.lowerBound - 4) }
        let node = try key(at: cell)
        guard let flags = u16(data, 0x02), let timestampLow = u32(data, 0x04), let timestampHigh = u32(data, 0x08),
              let access = u32(data, 0x0C), let parent = u32(data, 0x10), let securityCell = u32(data, 0x2C),
              let classCell = u32(data, 0x30), let nameField = u32(data, 0x34), let nameLength = u16(data, 0x48),
              let classLength = u16(data, 0x4A) else { throw .badCell(offset: data.lowerBound - 4) }

        var className: [UInt8] = []
        if classLength > 0, classCell != 0xFFFF_FFFF {
            let classData = try cellData(classCell)
            guard Int(classLength) <= classData.count else { throw .badCell(offset: classData.lowerBound - 4) }
            className = Array(bytes[classData.lowerBound..<classData.lowerBound + Int(classLength)])
        }
        var security: Int? = nil
        if securityCell != 0xFFFF_FFFF {
            // sk: descriptor size at 0x10, the self-relative descriptor from 0x14.
            let sk = try record(securityCell, "sk")
            guard let size = u32(sk, 0x10), 0x14 + Int(size) <= sk.count else { throw .badCell(offset: sk.lowerBound - 4) }
            let descriptor = Array(bytes[sk.lowerBound + 0x14..<sk.lowerBound + 0x14 + Int(size)])
            if let known = descriptorIndex[descriptor] {
                security = known
            } else {
                security = result.descriptors.count
                descriptorIndex[descriptor] = result.descriptors.count
                result.descriptors.append(descriptor)
            }
        }
        var values: [RegistryImage.Value] = []
        for value in try self.values(of: node) {
            values.append(RegistryImage.Value(name: Array(value.rawName), flags: value.flags, type: value.type, data: try self.data(of: value)))
        }
        let nameStart = data.lowerBound + 0x4C
        let index = result.keys.count
        result.keys.append(RegistryImage.Key(
            name: Array(bytes[nameStart..<nameStart + Int(nameLength)]), flags: flags,
            timestamp: UInt64(timestampLow) | UInt64(timestampHigh) << 32, accessBits: access, parentField: depth == 0 ? parent : 0,
            nameFieldFlags: UInt16(truncatingIfNeeded: nameField >> 16), className: className, security: security,
            values: values, subkeys: []))
        var children: [Int] = []
        for child in try subkeyCells(of: node) {
            children.append(try imageKey(child, depth: depth + 1, into: &result, descriptorIndex: &descriptorIndex, visited: &visited))
        }
        result.keys[index].subkeys = children
        return index
    }
}
