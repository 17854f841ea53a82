/// Builds the bytes of a minimal valid hive: a base block and one 4 KiB hive bin holding the
/// root key (nk), its security cell (sk) and one free cell. hivex cannot create a hive from
/// nothing, so a new store starts from this and gets every key through hivex.
enum EmptyHive {
    static let binSize = 0x1000
    static let rootOffset = 0x20          // first cell, right after the 32-byte hbin header
    static let flagsRootKey: UInt16 = 0x2C // KEY_HIVE_ENTRY | KEY_NO_DELETE | KEY_COMP_NAME

    static func bytes(rootName: String, timestamp: UInt64) -> [UInt8] {
        let nk = rootKeyCell(name: rootName, securityOffset: 0, timestamp: timestamp)
        let securityOffset = rootOffset + nk.count
        let root = rootKeyCell(name: rootName, securityOffset: securityOffset, timestamp: timestamp)
        let sk = securityCell(at: securityOffset)

        var bin = [UInt8]()
        bin += Array("hbin".utf8)
        bin += leField(UInt32(0))   // offset of this bin from the first bin
        bin += leField(UInt32(binSize))
        bin += [UInt8](repeating: 0, count: 8)
        bin += leField(timestamp)
        bin += leField(UInt32(0))   // spare
        bin += root
        bin += sk
        let freeSize = binSize - bin.count
        bin += leField(Int32(freeSize))   // positive size: a free cell
        bin += [UInt8](repeating: 0, count: freeSize - 4)

        var base = [UInt8](repeating: 0, count: BaseBlock.size)
        base.replaceSubrange(0..<4, with: Array("regf".utf8))
        base.replaceSubrange(0x04..<0x04 + 4, with: leField(UInt32(1)))
        base.replaceSubrange(0x08..<0x08 + 4, with: leField(UInt32(1)))
        base.replaceSubrange(0x0C..<0x0C + 8, with: leField(timestamp))
        base.replaceSubrange(0x14..<0x14 + 4, with: leField(UInt32(1)))          // major version
        base.replaceSubrange(0x18..<0x18 + 4, with: leField(UInt32(3)))          // minor version, as bcdedit writes
        base.replaceSubrange(0x1C..<0x1C + 4, with: leField(UInt32(0)))          // primary file
        base.replaceSubrange(0x20..<0x20 + 4, with: leField(UInt32(1)))          // direct memory load format
        base.replaceSubrange(0x24..<0x24 + 4, with: leField(UInt32(rootOffset)))
        base.replaceSubrange(0x28..<0x28 + 4, with: leField(UInt32(binSize)))
        base.replaceSubrange(0x2C..<0x2C + 4, with: leField(UInt32(1)))          // clustering factor
        base.replaceSubrange(0x1FC..<0x1FC + 4, with: leField(BaseBlock.checksum(of: base)))
        return base + bin
    }

    private static func rootKeyCell(name: String, securityOffset: Int, timestamp: UInt64) -> [UInt8] {
        let nameBytes = Array(name.utf8)
        var body = [UInt8]()
        body += Array("nk".utf8)
        body += leField(flagsRootKey)
        body += leField(timestamp)
        body += leField(UInt32(0))   // access bits
        body += leField(UInt32(0))               // parent (none for the root)
        body += leField(UInt32(0))   // subkeys
        body += leField(UInt32(0))   // volatile subkeys
        body += leField(UInt32.max)   // subkey list: none
        body += leField(UInt32.max)   // volatile subkey list: none
        body += leField(UInt32(0))   // values
        body += leField(UInt32.max)   // value list: none
        body += leField(UInt32(securityOffset))
        body += leField(UInt32.max)   // class name: none
        body += [UInt8](repeating: 0, count: 20) // max name/class/value lengths, work var
        body += leField(UInt16(nameBytes.count))
        body += leField(UInt16(0))   // class name length
        body += nameBytes
        return cell(body)
    }

    /// sk cell whose list links point to itself (the only security cell in the hive).
    private static func securityCell(at offset: Int) -> [UInt8] {
        let descriptor = SecurityDescriptor.registryDefault
        var body = [UInt8]()
        body += Array("sk".utf8)
        body += leField(UInt16(0))
        body += leField(UInt32(offset))   // flink
        body += leField(UInt32(offset))   // blink
        body += leField(UInt32(1))   // reference count: the root key
        body += leField(UInt32(descriptor.count))
        body += descriptor
        return cell(body)
    }

    /// An allocated cell: negative size (including the 4-byte size field), 8-byte aligned.
    private static func cell(_ body: [UInt8]) -> [UInt8] {
        let size = (body.count + 4 + 7) & ~7
        var out = [UInt8]()
        out += leField(Int32(-size))
        out += body
        out += [UInt8](repeating: 0, count: size - 4 - body.count)
        return out
    }
}

/// A self-relative security descriptor: owner Administrators, group SYSTEM, and a DACL
/// granting full control to Administrators and SYSTEM (inherited by subkeys).
enum SecurityDescriptor {
    static let administrators: [UInt8] = [1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0] // S-1-5-32-544
    static let system: [UInt8] = [1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]                           // S-1-5-18

    static var registryDefault: [UInt8] {
        let aces = ace(administrators) + ace(system)
        var acl = [UInt8]()
        acl += [2, 0]                          // ACL revision, padding
        acl += leField(UInt16(8 + aces.count))
        acl += leField(UInt16(2))   // ACE count
        acl += leField(UInt16(0))
        acl += aces

        let header = 20
        var sd = [UInt8]()
        sd += [1, 0]                           // revision 1
        sd += leField(UInt16(0x8004))   // SE_SELF_RELATIVE | SE_DACL_PRESENT
        sd += leField(UInt32(header + acl.count))   // owner
        sd += leField(UInt32(header + acl.count + administrators.count))   // group
        sd += leField(UInt32(0))   // no SACL
        sd += leField(UInt32(header))   // DACL
        return sd + acl + administrators + system
    }

    /// ACCESS_ALLOWED_ACE with CONTAINER_INHERIT and KEY_ALL_ACCESS (0xF003F).
    private static func ace(_ sid: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0, 0x02]
        out += leField(UInt16(8 + sid.count))
        out += leField(UInt32(0xF003F))
        return out + sid
    }
}

/// Little-endian bytes of a fixed-width integer.
func leField<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}
