/// Writes a compact regf image of a RegistryImage: every key, value and security descriptor,
/// nothing else. Cells go in depth-first order (a key's nk, its first-use sk, class name,
/// value list, vk and data cells, subkey list, then its subkeys), so a key's records sit
/// together. Subkey lists are "lh" (entry: nk offset, hash), sorted by upper-cased name;
/// more than `leafLimit` subkeys go into an "ri" of such leaves.
public enum RegistryHiveWriter {
    /// Entries per lh leaf: 4 + 8 * 1012 bytes still fits an 8 KiB bin.
    static let leafLimit = 1012
    static let none: UInt32 = 0xFFFF_FFFF

    public static func write(_ image: RegistryImage) -> [UInt8] {
        var plan = RegistryCellPlan(keys: image.keys.count, descriptors: image.descriptors.count)
        var references = [UInt32](repeating: 0, count: image.descriptors.count)
        for key in image.keys { if let s = key.security { references[s] += 1 } }
        var usesBigData = false
        if !image.keys.isEmpty {
            emit(0, parent: nil, image, references, &plan, &usesBigData)
        }
        let layout = plan.layout()
        var base = image.baseBlock
        // Sequence numbers 0x04/0x08 equal: this write is complete. 0x24 root, 0x28 bins size.
        let sequence = max(base.le32(at: 0x04) ?? 0, base.le32(at: 0x08) ?? 0) &+ 1
        base.putLE(sequence, at: 0x04)
        base.putLE(sequence, at: 0x08)
        base.putLE(UInt32(image.keys.isEmpty ? 0 : layout.offsets[plan.keyCells[0]]), at: 0x24)
        base.putLE(UInt32(layout.total), at: 0x28)
        // "db" cells are defined from format 1.4; 1.5 is the version Windows writes with lh lists.
        if usesBigData, (base.le32(at: 0x18) ?? 0) < 4 { base.putLE(UInt32(5), at: 0x18) }
        base.putLE(RegistryHiveWriter.checksum(base), at: 0x1FC)
        return base + plan.bins(layout, timestamp: base.le64(at: 0x0C) ?? 0)
    }

    /// Base block checksum: XOR of the first 127 dwords; 0 becomes 1, 0xFFFFFFFF 0xFFFFFFFE.
    public static func checksum(_ base: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        for i in stride(from: 0, to: 0x1FC, by: 4) { sum ^= base.le32(at: i) ?? 0 }
        if sum == 0 { return 1 }
        if sum == 0xFFFF_FFFF { return 0xFFFF_FFFE }
        return sum
    }

    private static func emit(_ k: Int, parent: Int?, _ image: RegistryImage, _ references: [UInt32],
                             _ plan: inout RegistryCellPlan, _ usesBigData: inout Bool) {
        let key = image.keys[k]
        let children = sortedSubkeys(key, image)
        var maxSubkeyName = 0, maxClass = 0, maxValueName = 0, maxData = 0
        for c in children {
            maxSubkeyName = max(maxSubkeyName, image.keys[c].utf16NameLength)
            maxClass = max(maxClass, image.keys[c].className.count)
        }
        for v in key.values {
            maxValueName = max(maxValueName, v.utf16NameLength)
            maxData = max(maxData, v.data.count)
        }

        var nk = [UInt8](repeating: 0, count: 0x4C)
        nk[0] = 0x6E; nk[1] = 0x6B   // "nk"
        nk.putLE(key.flags, at: 0x02)
        nk.putLE(key.timestamp, at: 0x04)
        nk.putLE(key.accessBits, at: 0x0C)
        nk.putLE(parent == nil ? key.parentField : 0, at: 0x10)
        nk.putLE(UInt32(children.count), at: 0x14)
        nk.putLE(none, at: 0x1C)
        nk.putLE(none, at: 0x20)   // volatile subkeys: never in a file
        nk.putLE(UInt32(key.values.count), at: 0x24)
        nk.putLE(none, at: 0x28)
        nk.putLE(none, at: 0x2C)
        nk.putLE(none, at: 0x30)
        nk.putLE(UInt32(maxSubkeyName & 0xFFFF) | UInt32(key.nameFieldFlags) << 16, at: 0x34)
        nk.putLE(UInt32(maxClass), at: 0x38)
        nk.putLE(UInt32(maxValueName), at: 0x3C)
        nk.putLE(UInt32(maxData), at: 0x40)
        nk.putLE(UInt16(key.name.count), at: 0x48)
        nk.putLE(UInt16(key.className.count), at: 0x4A)
        nk += key.name
        let nkCell = plan.add(nk)
        plan.keyCells[k] = nkCell
        if let parent { plan.refer(nkCell, at: 0x10, to: .key(parent)) }

        if let s = key.security {
            plan.refer(nkCell, at: 0x2C, to: .security(s))
            if plan.securityCells[s] < 0 { plan.securityCells[s] = securityCell(s, image, references, &plan) }
        }
        if !key.className.isEmpty { plan.refer(nkCell, at: 0x30, to: .cell(plan.add(key.className))) }
        if !key.values.isEmpty {
            let list = plan.add([UInt8](repeating: 0, count: 4 * key.values.count))
            plan.refer(nkCell, at: 0x28, to: .cell(list))
            for (i, value) in key.values.enumerated() {
                plan.refer(list, at: 4 * i, to: .cell(valueCells(value, &plan, &usesBigData)))
            }
        }
        if !children.isEmpty { plan.refer(nkCell, at: 0x1C, to: .cell(subkeyList(children, image, &plan))) }
        for c in children { emit(c, parent: k, image, references, &plan, &usesBigData) }
    }

    /// sk: flink 0x04 and blink 0x08 link every sk cell in a ring, reference count 0x0C,
    /// descriptor size 0x10, the descriptor (kept byte for byte) from 0x14.
    /// Descriptors no key uses are left out, and out of the ring.
    private static func securityCell(_ s: Int, _ image: RegistryImage, _ references: [UInt32], _ plan: inout RegistryCellPlan) -> Int {
        let used = references.indices.filter { references[$0] > 0 }
        let position = used.firstIndex(of: s) ?? 0
        var sk = [UInt8](repeating: 0, count: 0x14)
        sk[0] = 0x73; sk[1] = 0x6B   // "sk"
        sk.putLE(references[s], at: 0x0C)
        sk.putLE(UInt32(image.descriptors[s].count), at: 0x10)
        sk += image.descriptors[s]
        let cell = plan.add(sk)
        plan.refer(cell, at: 0x04, to: .security(used[(position + 1) % used.count]))
        plan.refer(cell, at: 0x08, to: .security(used[(position + used.count - 1) % used.count]))
        return cell
    }

    /// vk: name length 0x02, data size 0x04 (high bit: up to 4 bytes inline at 0x08), data
    /// cell 0x08, type 0x0C, flags 0x10, name 0x14. Data over 16344 bytes goes into big data.
    private static func valueCells(_ value: RegistryImage.Value, _ plan: inout RegistryCellPlan, _ usesBigData: inout Bool) -> Int {
        var vk = [UInt8](repeating: 0, count: 0x14)
        vk[0] = 0x76; vk[1] = 0x6B   // "vk"
        vk.putLE(UInt16(value.name.count), at: 0x02)
        vk.putLE(value.type, at: 0x0C)
        vk.putLE(value.flags, at: 0x10)
        vk += value.name
        let count = value.data.count
        if count <= 4 {
            vk.putLE(UInt32(count) | 0x8000_0000, at: 0x04)
            for (i, byte) in value.data.enumerated() { vk[0x08 + i] = byte }
            return plan.add(vk)
        }
        vk.putLE(UInt32(count), at: 0x04)
        let cell = plan.add(vk)
        if count <= RegistryHive.bigDataSegment {
            plan.refer(cell, at: 0x08, to: .cell(plan.add(value.data)))
            return cell
        }
        usesBigData = true
        // db: segment count u16 at 0x02, segment list cell at 0x04.
        let segments = (count + RegistryHive.bigDataSegment - 1) / RegistryHive.bigDataSegment
        var db: [UInt8] = [0x64, 0x62, 0, 0, 0, 0, 0, 0]   // "db"
        db.putLE(UInt16(segments), at: 0x02)
        let dbCell = plan.add(db)
        plan.refer(cell, at: 0x08, to: .cell(dbCell))
        let list = plan.add([UInt8](repeating: 0, count: 4 * segments))
        plan.refer(dbCell, at: 0x04, to: .cell(list))
        for i in 0..<segments {
            let start = i * RegistryHive.bigDataSegment
            // Each segment cell holds its bytes and 4 more, as Windows sizes them (16344 + 8 = 16352).
            let chunk = Array(value.data[start..<min(count, start + RegistryHive.bigDataSegment)]) + [0, 0, 0, 0]
            plan.refer(list, at: 4 * i, to: .cell(plan.add(chunk, canGrow: false)))
        }
        return cell
    }

    private static func subkeyList(_ children: [Int], _ image: RegistryImage, _ plan: inout RegistryCellPlan) -> Int {
        var leaves: [Int] = []
        var start = 0
        while start < children.count {
            let part = children[start..<min(children.count, start + leafLimit)]
            var lh: [UInt8] = [0x6C, 0x68, 0, 0]   // "lh"
            lh.putLE(UInt16(part.count), at: 0x02)
            for c in part {
                lh.appendLE(UInt32(0))
                lh.appendLE(RegistryHiveWriter.hash(image.keys[c]))
            }
            let leaf = plan.add(lh)
            for (i, c) in part.enumerated() { plan.refer(leaf, at: 4 + 8 * i, to: .key(c)) }
            leaves.append(leaf)
            start += leafLimit
        }
        if leaves.count == 1 { return leaves[0] }
        var ri: [UInt8] = [0x72, 0x69, 0, 0]   // "ri"
        ri.putLE(UInt16(leaves.count), at: 0x02)
        ri += [UInt8](repeating: 0, count: 4 * leaves.count)
        let index = plan.add(ri)
        for (i, leaf) in leaves.enumerated() { plan.refer(index, at: 4 + 4 * i, to: .cell(leaf)) }
        return index
    }

    /// The name's UTF-16 units, ASCII letters upper-cased (how lh hashes and sorts them).
    static func upperUnits(_ key: RegistryImage.Key) -> [UInt16] {
        let units = RegistryName.units(key.name[...], compressed: key.isCompressedName)
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        for u in units { out.append(u >= 0x61 && u <= 0x7A ? u - 0x20 : u) }
        return out
    }

    /// lh hash: for each upper-cased character, hash = hash * 37 + character.
    static func hash(_ key: RegistryImage.Key) -> UInt32 {
        var h: UInt32 = 0
        for u in upperUnits(key) { h = h &* 37 &+ UInt32(u) }
        return h
    }

    private static func sortedSubkeys(_ key: RegistryImage.Key, _ image: RegistryImage) -> [Int] {
        let named = key.subkeys.map { (index: $0, name: upperUnits(image.keys[$0])) }
        return named.sorted { a, b in
            a.name.lexicographicallyPrecedes(b.name) || (a.name == b.name && a.index < b.index)
        }.map { $0.index }
    }
}

extension RegistryHive {
    /// This hive rewritten compactly: the same keys, values and security, no free or
    /// unreachable cells.
    public func compacted() throws(RegistryError) -> [UInt8] { RegistryHiveWriter.write(try image()) }
}
