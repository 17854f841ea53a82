/// Codeword lengths and canonical codes for the XCA encoder: a Huffman code over symbol
/// frequencies, limited to `maxLength` bits by flattening the frequencies until it fits, always
/// complete (at least two symbols get codes), with codes assigned as HuffmanDecodeTable reads them
/// (by increasing length, then symbol).
enum HuffmanCodeBuilder {
    static func lengths(_ frequencies: [Int], maxLength: Int) -> [UInt8] {
        var freq = frequencies
        // A one-symbol code would be incomplete: give a second symbol a code too.
        if freq.filter({ $0 > 0 }).count < 2 {
            let spare = freq[0] > 0 ? 1 : 0
            freq[spare] = max(freq[spare], 1)
            if freq.filter({ $0 > 0 }).count < 2 { freq[spare + 1] = 1 }
        }
        while true {
            let lengths = treeLengths(freq)
            if lengths.max()! <= UInt8(maxLength) { return lengths }
            for i in 0..<freq.count where freq[i] > 0 { freq[i] = freq[i] / 2 + 1 }
        }
    }

    /// Depths of the leaves of a Huffman tree over the non-zero frequencies (two smallest merged first).
    private static func treeLengths(_ freq: [Int]) -> [UInt8] {
        // Nodes: leaves 0..<n, then internal nodes; parent links give the depths.
        var weight: [Int] = []
        var leafSymbol: [Int] = []
        for (s, f) in freq.enumerated() where f > 0 { weight.append(f); leafSymbol.append(s) }
        let leaves = weight.count
        var parent = [Int](repeating: -1, count: 2 * leaves)
        var live = Array(0..<leaves)
        while live.count > 1 {
            // Sorted descending by weight (ties: later nodes first), take the two at the end.
            live.sort { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 > $1 }
            let a = live.removeLast(), b = live.removeLast()
            let node = weight.count
            weight.append(weight[a] + weight[b])
            parent[a] = node
            parent[b] = node
            live.append(node)
        }
        var lengths = [UInt8](repeating: 0, count: freq.count)
        for leaf in 0..<leaves {
            var depth = 0
            var n = leaf
            while parent[n] >= 0 { depth += 1; n = parent[n] }
            lengths[leafSymbol[leaf]] = UInt8(min(depth, 255))
        }
        return lengths
    }

    /// Canonical codes for `lengths` (the code of symbol s is the low lengths[s] bits of codes[s]).
    static func codes(_ lengths: [UInt8], maxLength: Int) -> [Int] {
        var count = [Int](repeating: 0, count: maxLength + 1)
        for l in lengths where l > 0 { count[Int(l)] += 1 }
        var next = [Int](repeating: 0, count: maxLength + 1)
        var code = 0
        for l in 1...maxLength {
            code = (code + count[l - 1]) << 1
            next[l] = code
        }
        var codes = [Int](repeating: 0, count: lengths.count)
        for s in 0..<lengths.count where lengths[s] > 0 {
            codes[s] = next[Int(lengths[s])]
            next[Int(lengths[s])] += 1
        }
        return codes
    }
}
