/// The new child list of `\Windows\System32` in an injected image: the kept children copied
/// byte for byte (dentry and stream entries; their subdirectory offsets still point into the
/// original metadata, which stays in place), the injected dentries inserted in case-insensitive
/// name order (so an ordered list stays ordered), then the 8-byte end-of-directory marker.
enum WIMChildList {
    static func bytes(metadata: [UInt8], kept: [WIMDirectoryEntry], injected: [(name: [UInt16], dentry: [UInt8])]) -> [UInt8] {
        // Items: >= 0 a kept child, < 0 injected file -1 - i.
        var items: [Int] = []
        for k in 0..<kept.count { items.append(k) }
        for i in 0..<injected.count {
            var position = items.count
            for (slot, item) in items.enumerated() {
                let other = item >= 0 ? kept[item].nameUTF16 : injected[-1 - item].name
                if collatesBefore(injected[i].name, other) { position = slot; break }
            }
            items.insert(-1 - i, at: position)
        }
        var out: [UInt8] = []
        for item in items {
            if item >= 0 {
                out.append(contentsOf: metadata[kept[item].entryOffset..<kept[item].entryEnd])
            } else {
                out.append(contentsOf: injected[-1 - item].dentry)
            }
        }
        out.append(contentsOf: [UInt8](repeating: 0, count: 8))
        return out
    }

    /// Case-insensitive order of names (upper-cased code units), then exact order.
    static func collatesBefore(_ a: [UInt16], _ b: [UInt16]) -> Bool {
        for i in 0..<min(a.count, b.count) {
            let x = WIMName.upper(a[i]), y = WIMName.upper(b[i])
            if x != y { return x < y }
        }
        if a.count != b.count { return a.count < b.count }
        for i in 0..<a.count where a[i] != b[i] { return a[i] < b[i] }
        return false
    }
}
