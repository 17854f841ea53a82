/// Reading a FAT16 or FAT32 file system from a sector-read function: what the BIOS stand-in
/// boot manager uses on the drive it reads through INT 13h (the loader's VirtualFatDisk), and
/// what tests use on images made by mkfs.fat. Mounts an MBR partition or a superfloppy (a
/// boot sector at LBA 0), walks directories (long names, case-insensitive ASCII matching),
/// reads files by following their cluster chains.
///
/// Layout facts (Microsoft's FAT specification, "FAT: General Overview of On-Disk Format"):
/// BPB at boot sector +11 bytes per sector, +13 sectors per cluster, +14 reserved sectors,
/// +16 FAT count, +17 root entries (FAT16), +19/+32 total sectors (16/32-bit), +22/+36 FAT size
/// (16/32-bit), +44 root cluster (FAT32); the type follows from the cluster count alone
/// (< 4085 FAT12, < 65525 FAT16, else FAT32). MBR partition entries at 446 + 16 * i: +4 type,
/// +8 first LBA.
public protocol FatSectorReader {
    /// Reads `count` 512-byte sectors from `lba` into `buffer` (at least count * 512 bytes).
    func readSectors(_ lba: UInt64, count: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool
}

public enum FatReadError: Error, Equatable {
    case readFailed(UInt64)
    case noFileSystem
    case unsupported(String)
    case badChain
    case notFound
    case notADirectory

    public var message: String {
        switch self {
        case .readFailed(let lba): return "disk read failed at sector \(lba)"
        case .noFileSystem: return "no FAT file system on the disk (no FAT boot sector, no FAT partition)"
        case .unsupported(let why): return "unsupported FAT file system: \(why)"
        case .badChain: return "a cluster chain leaves the file system or ends early"
        case .notFound: return "no such file or directory"
        case .notADirectory: return "a path component is not a directory"
        }
    }
}

/// A file or directory found in a directory.
public struct FatNode: Equatable {
    public var name: String
    public var firstCluster: UInt32
    public var size: UInt32
    public var isDirectory: Bool
}

public struct FatReader<Reader: FatSectorReader> {
    public let reader: Reader
    /// LBA of the file system's boot sector (0 for a superfloppy).
    public let volumeStart: UInt64
    public let isFat32: Bool
    let sectorsPerCluster: UInt32
    let fatStart: UInt64
    let rootStart: UInt64, rootSectors: UInt32   // FAT16's fixed root directory
    let dataStart: UInt64
    let clusterCount: UInt32
    let rootCluster: UInt32

    public init(_ reader: Reader) throws(FatReadError) {
        self.reader = reader
        let zero = try Self.sector(reader, 0)
        var start: UInt64 = 0
        var boot = zero
        if !Self.looksLikeBootSector(zero) {
            guard zero[510] == 0x55, zero[511] == 0xAA else { throw .noFileSystem }
            var found: UInt64? = nil
            for i in 0..<4 {
                let e = 446 + 16 * i
                let type = zero[e + 4]
                let lba = UInt64(zero.le32(at: e + 8) ?? 0)
                if [0x01, 0x04, 0x06, 0x0B, 0x0C, 0x0E].contains(type), lba > 0 { found = lba; break }
            }
            guard let lba = found else { throw .noFileSystem }
            start = lba
            boot = try Self.sector(reader, lba)
            guard Self.looksLikeBootSector(boot) else { throw .noFileSystem }
        }
        volumeStart = start
        let spc = UInt32(boot[13])
        let reserved = UInt32(boot.le16(at: 14) ?? 0)
        let fats = UInt32(boot[16])
        let rootEntries = UInt32(boot.le16(at: 17) ?? 0)
        let total16 = UInt32(boot.le16(at: 19) ?? 0)
        let total = total16 != 0 ? total16 : (boot.le32(at: 32) ?? 0)
        let fat16Size = UInt32(boot.le16(at: 22) ?? 0)
        let fatSize = fat16Size != 0 ? fat16Size : (boot.le32(at: 36) ?? 0)
        let rootSecs = (rootEntries * 32 + 511) / 512
        let meta = UInt64(reserved) + UInt64(fats) * UInt64(fatSize) + UInt64(rootSecs)
        guard fatSize > 0, UInt64(total) > meta else { throw .noFileSystem }
        let clusters = UInt32((UInt64(total) - meta) / UInt64(spc))
        guard clusters >= 4085 else { throw .unsupported("FAT12 (\(clusters) clusters)") }
        sectorsPerCluster = spc
        clusterCount = clusters
        isFat32 = clusters >= 65525
        fatStart = start + UInt64(reserved)
        rootStart = fatStart + UInt64(fats) * UInt64(fatSize)
        rootSectors = rootSecs
        dataStart = rootStart + UInt64(rootSecs)
        rootCluster = isFat32 ? (boot.le32(at: 44) ?? 0) : 0
        if isFat32, rootCluster < 2 || rootCluster >= clusters + 2 { throw .badChain }
    }

    /// A FAT boot sector: a jump, 512-byte sectors, a power-of-two cluster, reserved sectors, FATs.
    static func looksLikeBootSector(_ s: [UInt8]) -> Bool {
        guard s[0] == 0xEB || s[0] == 0xE9, s.le16(at: 11) == 512 else { return false }
        let spc = s[13]
        return spc != 0 && spc & (spc - 1) == 0 && (s.le16(at: 14) ?? 0) > 0 && s[16] > 0 && s[510] == 0x55 && s[511] == 0xAA
    }

    static func sector(_ reader: Reader, _ lba: UInt64) throws(FatReadError) -> [UInt8] {
        var s = [UInt8](repeating: 0, count: 512)
        let ok = s.withUnsafeMutableBytes { reader.readSectors(lba, count: 1, into: $0) }
        guard ok else { throw .readFailed(lba) }
        return s
    }

    var clusterBytes: Int { Int(sectorsPerCluster) * 512 }

    /// The FAT entry of `cluster`: the next cluster, or nil at the end of the chain.
    func next(_ cluster: UInt32) throws(FatReadError) -> UInt32? {
        let offset = UInt64(cluster) * (isFat32 ? 4 : 2)
        let s = try Self.sector(reader, fatStart + offset / 512)
        let at = Int(offset % 512)
        let value = isFat32 ? (s.le32(at: at) ?? 0) & 0x0FFF_FFFF : UInt32(s.le16(at: at) ?? 0)
        let end: UInt32 = isFat32 ? 0x0FFF_FFF8 : 0xFFF8
        if value >= end { return nil }
        guard value >= 2, value < clusterCount + 2 else { throw .badChain }
        return value
    }

    func clusterLBA(_ cluster: UInt32) -> UInt64 { dataStart + UInt64(cluster - 2) * UInt64(sectorsPerCluster) }

    /// The root directory's entries.
    public func root() throws(FatReadError) -> [FatNode] {
        if isFat32 { return try list(cluster: rootCluster) }
        var bytes = [UInt8](repeating: 0, count: Int(rootSectors) * 512)
        let ok = bytes.withUnsafeMutableBytes { reader.readSectors(rootStart, count: Int(rootSectors), into: $0) }
        guard ok else { throw .readFailed(rootStart) }
        return Self.entries(bytes)
    }

    /// The entries of the directory starting at `cluster` (0: the root).
    public func list(cluster: UInt32) throws(FatReadError) -> [FatNode] {
        if cluster == 0 && !isFat32 { return try root() }
        var bytes: [UInt8] = []
        var c: UInt32? = cluster == 0 ? rootCluster : cluster
        var guardCount: UInt32 = 0
        while let current = c {
            guard current >= 2, current < clusterCount + 2, guardCount <= clusterCount else { throw .badChain }
            var part = [UInt8](repeating: 0, count: clusterBytes)
            let lba = clusterLBA(current)
            let ok = part.withUnsafeMutableBytes { reader.readSectors(lba, count: Int(sectorsPerCluster), into: $0) }
            guard ok else { throw .readFailed(lba) }
            bytes += part
            if bytes.count >= 2 * 1024 * 1024 { break }    // 65536 entries: FAT's maximum directory
            c = try next(current)
            guardCount += 1
        }
        return Self.entries(bytes)
    }

    /// Directory bytes to nodes: long names (checked against their short name's checksum) else
    /// the 8.3 name (lower-cased where byte +12's bits 3/4 say so); ".", "..", deleted entries
    /// (0xE5) and volume labels left out; 0x00 ends the directory.
    static func entries(_ bytes: [UInt8]) -> [FatNode] {
        var out: [FatNode] = []
        var long: [UInt16] = []
        var longSum: UInt8 = 0
        var expect = 0
        var at = 0
        while at + 32 <= bytes.count {
            defer { at += 32 }
            let first = bytes[at]
            if first == 0 { break }
            if first == 0xE5 { long = []; expect = 0; continue }
            let attributes = bytes[at + 11]
            if attributes & 0x3F == 0x0F {
                let ordinal = Int(first & 0x1F)
                if first & 0x40 != 0 { long = [UInt16](repeating: 0xFFFF, count: ordinal * 13); expect = ordinal; longSum = bytes[at + 13] }
                guard ordinal == expect, ordinal >= 1, bytes[at + 13] == longSum, long.count >= ordinal * 13 else { long = []; expect = 0; continue }
                let base = (ordinal - 1) * 13
                let offsets = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30]
                for (k, o) in offsets.enumerated() { long[base + k] = bytes.le16(at: at + o) ?? 0xFFFF }
                expect -= 1
                continue
            }
            let short = Array(bytes[at..<at + 11])
            let usable = expect == 0 && !long.isEmpty && FatDirectoryEntry.shortNameChecksum(short) == longSum
            var units = usable ? long : []
            if let end = units.firstIndex(of: 0) { units = Array(units[0..<end]) }
            long = []; expect = 0
            if attributes & 0x08 != 0 { continue }                         // volume label
            if first == UInt8(ascii: ".") { continue }                      // "." and ".."
            let name = units.isEmpty ? shortName(short, flags: bytes[at + 12]) : String(decoding: units, as: UTF16.self)
            let cluster = UInt32(bytes.le16(at: at + 20) ?? 0) << 16 | UInt32(bytes.le16(at: at + 26) ?? 0)
            out.append(FatNode(name: name, firstCluster: cluster, size: bytes.le32(at: at + 28) ?? 0,
                               isDirectory: attributes & 0x10 != 0))
        }
        return out
    }

    static func shortName(_ n: [UInt8], flags: UInt8) -> String {
        func part(_ r: Range<Int>, lower: Bool) -> [UInt8] {
            var p = Array(n[r])
            while p.last == 0x20 { p.removeLast() }
            if p.first == 0x05 { p[0] = 0xE5 }
            return lower ? p.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } : p
        }
        var name = part(0..<8, lower: flags & 0x08 != 0)
        let ext = part(8..<11, lower: flags & 0x10 != 0)
        if !ext.isEmpty { name += [UInt8(ascii: ".")] + ext }
        return String(decoding: name, as: UTF8.self)
    }

    /// The node at `path` ("\Boot\BCD" or "/Boot/BCD"; components matched ignoring ASCII case).
    public func lookup(_ path: String) throws(FatReadError) -> FatNode {
        var node = FatNode(name: "", firstCluster: 0, size: 0, isDirectory: true)
        for component in path.utf8.split(whereSeparator: { $0 == 0x5C || $0 == 0x2F }) {
            guard node.isDirectory else { throw .notADirectory }
            let want = Array(component)
            guard let found = try list(cluster: node.firstCluster).first(where: { asciiEqualIgnoringCase(Array($0.name.utf8), want) })
            else { throw .notFound }
            node = found
        }
        return node
    }

    /// Reads the whole file through `body`, a run of consecutive clusters (at most 64 KiB) at a time.
    public func forEachChunk(_ file: FatNode, _ body: (UnsafeRawBufferPointer) -> Void) throws(FatReadError) {
        let map = try runs(file)
        var buffer = [UInt8](repeating: 0, count: 65536)
        var offset: UInt64 = 0
        let size = UInt64(file.size)
        while offset < size {
            let n = Int(min(UInt64(buffer.count), size - offset))
            var failure: FatReadError? = nil
            buffer.withUnsafeMutableBytes { whole in
                let part = UnsafeMutableRawBufferPointer(rebasing: whole[0..<n])
                do throws(FatReadError) { try read(map, at: offset, into: part); body(UnsafeRawBufferPointer(part)) }
                catch { failure = error }
            }
            if let failure { throw failure }
            offset += UInt64(n)
        }
    }

    /// The whole file's bytes.
    public func readAll(_ file: FatNode) throws(FatReadError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Int(file.size))
        try forEachChunk(file) { out.append(contentsOf: $0) }
        return out
    }
}
