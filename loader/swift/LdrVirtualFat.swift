// The loader's virtual FAT32 disk: MBR + one partition in which every input file appears in
// each of the nine directories (\, \Boot, \Boot\Fonts, \Boot\Resources, \Sources, \EFI,
// \EFI\Boot, \EFI\Microsoft, \EFI\Microsoft\Boot).  Every sector is computed on demand; file
// data comes from `LdrFileReader` (the C layer), never copied.  All nine directory entries of
// a file point at the same clusters (deliberate cross-links: the disk is read-only).
//
// Stop-gap until BootCore's virtual disk lands; names carry an `Ldr` prefix so they never
// collide with BootCore's, which is compiled into the same module.

/// Reads file `index` bytes at `offset`; returns false on a firmware read error.
protocol LdrFileReader {
    func read(file index: Int, at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool
}

enum LdrFatError: Error { case fileTooLarge, tooManyFiles, readFailed }

struct LdrVirtualFat {
    static let partitionStart: UInt64 = 2048
    static let sectorsPerCluster: UInt64 = 8
    static let clusterBytes: UInt64 = 4096
    static let reserved: UInt64 = 32
    static let fats: UInt64 = 2
    static let minClusters: UInt64 = 65_525 + 1_000
    /// Distinct directory names, and which of them names each of the nine directories.
    static let dirWords: [[UInt16]] = [Array("Boot".utf16), Array("Fonts".utf16), Array("Resources".utf16),
        Array("Sources".utf16), Array("EFI".utf16), Array("Microsoft".utf16)]
    static let dirWord: [Int] = [-1, 0, 1, 2, 3, 4, 0, 5, 0]
    static let dirParent: [Int] = [0, 0, 1, 1, 0, 0, 5, 5, 7]

    /// A contiguous cluster run: a directory (index into `dirs`) or a file.
    struct Run { var first: UInt64; var count: UInt64; var dir: Int; var file: Int }

    var sizes: [UInt64] = []
    var runs: [Run] = []
    var dirs: [[UInt8]] = []          // directory contents, padded to whole clusters
    var clusterCount: UInt64 = 0
    var fatSectors: UInt64 = 0
    var partitionSectors: UInt64 = 0
    var diskSectors: UInt64 { Self.partitionStart + partitionSectors }
    var dataStart: UInt64 { Self.reserved + Self.fats * fatSectors }

    /// names: UTF-16 names of the files (already unique, case-insensitively).
    init(names: [[UInt16]], sizes: [UInt64]) throws(LdrFatError) {
        self.sizes = sizes
        if names.count > 400 { throw .tooManyFiles }
        for s in sizes where s > 0xFFFF_FFFF { throw .fileTooLarge }
        // Short names for directory names and file names come from one pool: all unique.
        let allShorts = Self.shortNames(Self.dirWords + names)
        let dirShorts = Array(allShorts.prefix(Self.dirWords.count))
        let shorts = Array(allShorts.dropFirst(Self.dirWords.count))
        // Directory sizes first (entries are fixed-size), then cluster numbers.
        var entryCounts: [Int] = []
        for d in 0..<9 {
            var n = d == 0 ? 0 : 2
            for c in 1..<9 where Self.dirParent[c] == d {
                let w = Self.dirWord[c]
                n += 1 + (dirShorts[w].needsLfn ? (Self.dirWords[w].count + 12) / 13 : 0)
            }
            for i in 0..<names.count { n += 1 + (shorts[i].needsLfn ? (names[i].count + 12) / 13 : 0) }
            entryCounts.append(n + 1)
        }
        var next: UInt64 = 2
        var dirFirst: [UInt64] = []
        for d in 0..<9 {
            let clusters = (UInt64(entryCounts[d]) * 32 + Self.clusterBytes - 1) / Self.clusterBytes
            dirFirst.append(next)
            runs.append(Run(first: next, count: clusters, dir: d, file: -1))
            next += clusters
        }
        var fileFirst: [UInt64] = []
        for i in 0..<sizes.count {
            let clusters = (sizes[i] + Self.clusterBytes - 1) / Self.clusterBytes
            fileFirst.append(clusters == 0 ? 0 : next)
            if clusters > 0 { runs.append(Run(first: next, count: clusters, dir: -1, file: i)) }
            next += clusters
        }
        clusterCount = max(next - 2, Self.minClusters)
        fatSectors = ((clusterCount + 2) * 4 + 511) / 512
        partitionSectors = dataStart + clusterCount * Self.sectorsPerCluster
        // Directory contents.
        for d in 0..<9 {
            var bytes: [UInt8] = []
            if d != 0 {
                Self.appendEntry(&bytes, name: Array(".          ".utf8), attr: 0x10, cluster: dirFirst[d], size: 0)
                let p = Self.dirParent[d]
                Self.appendEntry(&bytes, name: Array("..         ".utf8), attr: 0x10, cluster: p == 0 ? 0 : dirFirst[p], size: 0)
            }
            for c in 1..<9 where Self.dirParent[c] == d {
                let w = Self.dirWord[c]
                if dirShorts[w].needsLfn { Self.appendLfn(&bytes, name: Self.dirWords[w], short: dirShorts[w].name) }
                Self.appendEntry(&bytes, name: dirShorts[w].name, attr: 0x10, cluster: dirFirst[c], size: 0)
            }
            for i in 0..<names.count {
                if shorts[i].needsLfn { Self.appendLfn(&bytes, name: names[i], short: shorts[i].name) }
                Self.appendEntry(&bytes, name: shorts[i].name, attr: 0x21, cluster: fileFirst[i], size: sizes[i])
            }
            let total = Int((UInt64(bytes.count) + 32 + Self.clusterBytes - 1) / Self.clusterBytes * Self.clusterBytes)
            bytes.append(contentsOf: [UInt8](repeating: 0, count: total - bytes.count))
            dirs.append(bytes)
        }
    }

    // MARK: names

    struct Short { var name: [UInt8]; var needsLfn: Bool }

    static func pad83(_ base: [UInt8], _ ext: [UInt8]) -> [UInt8] {
        var n = [UInt8](repeating: 0x20, count: 11)
        for (i, c) in base.prefix(8).enumerated() { n[i] = upper(c) }
        for (i, c) in ext.prefix(3).enumerated() { n[8 + i] = upper(c) }
        return n
    }
    static func upper(_ c: UInt8) -> UInt8 { c >= 0x61 && c <= 0x7A ? c - 0x20 : c }
    static func validShort(_ c: UInt16) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
    }

    /// 8.3 names: the name itself when it fits (upper-cased; an LFN keeps the real case),
    /// otherwise BASE~N.EXT.  Unique within the set.
    static func shortNames(_ names: [[UInt16]]) -> [Short] {
        var out: [Short] = []
        var used: [[UInt8]] = []
        for name in names {
            let dot = name.lastIndex(of: 0x2E)
            let base = dot.map { Array(name[..<$0]) } ?? name
            let ext = dot.map { Array(name[($0 + 1)...]) } ?? []
            let fits = base.count >= 1 && base.count <= 8 && ext.count <= 3 &&
                base.allSatisfy(validShort) && ext.allSatisfy(validShort)
            let b8 = base.filter(validShort).map { UInt8($0) }
            let e3 = ext.filter(validShort).map { UInt8($0) }
            var candidate = fits ? pad83(b8, e3) : []
            if candidate.isEmpty || used.contains(candidate) {
                var n = 1
                repeat {
                    var digits: [UInt8] = []
                    var v = n
                    repeat { digits.insert(UInt8(0x30 + v % 10), at: 0); v /= 10 } while v > 0
                    let keep = max(1, 7 - digits.count)
                    var b = Array((b8.isEmpty ? Array("FILE".utf8) : b8).prefix(keep))
                    b.append(0x7E); b.append(contentsOf: digits)
                    candidate = pad83(b, e3)
                    n += 1
                } while used.contains(candidate)
            }
            used.append(candidate)
            let exact = fits && name.allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) }
            out.append(Short(name: candidate, needsLfn: !exact || candidate != pad83(b8, e3)))
        }
        return out
    }

    static func appendEntry(_ b: inout [UInt8], name: [UInt8], attr: UInt8, cluster: UInt64, size: UInt64) {
        b.append(contentsOf: name)
        b.append(attr)
        b.append(contentsOf: [0, 0])                       // NT case flags, creation tenths
        let date: UInt16 = (45 << 9) | (1 << 5) | 1        // 2025-01-01, fixed: reproducible
        b.appendLE(UInt16(0)); b.appendLE(date); b.appendLE(date)
        b.appendLE(UInt16(truncatingIfNeeded: cluster >> 16))
        b.appendLE(UInt16(0)); b.appendLE(date)
        b.appendLE(UInt16(truncatingIfNeeded: cluster))
        b.appendLE(UInt32(truncatingIfNeeded: size))
    }

    /// Long-name entries, last part first; 13 UTF-16 units each, NUL then 0xFFFF padding.
    static func appendLfn(_ b: inout [UInt8], name: [UInt16], short: [UInt8]) {
        var sum: UInt8 = 0
        for c in short { sum = ((sum & 1) << 7) &+ (sum >> 1) &+ c }
        let parts = (name.count + 12) / 13
        var seq = parts
        while seq >= 1 {
            var units: [UInt16] = []
            for k in 0..<13 {
                let i = (seq - 1) * 13 + k
                units.append(i < name.count ? name[i] : (i == name.count ? 0 : 0xFFFF))
            }
            b.append(UInt8(seq) | (seq == parts ? 0x40 : 0))
            for k in 0..<5 { b.appendLE(units[k]) }
            b.append(0x0F); b.append(0); b.append(sum)
            for k in 5..<11 { b.appendLE(units[k]) }
            b.appendLE(UInt16(0))
            for k in 11..<13 { b.appendLE(units[k]) }
            seq -= 1
        }
    }

    // MARK: sectors

    /// Fills `buffer` (a whole number of sectors) from disk sector `lba` on.
    func read<R: LdrFileReader>(lba: UInt64, into buffer: UnsafeMutableRawBufferPointer, reader: R) -> Bool {
        var sector = lba
        var done = 0
        while done < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
            let n = readRun(sector: sector, into: rest, reader: reader)
            if n == 0 { return false }
            done += n * 512
            sector += UInt64(n)
        }
        return true
    }

    /// Serves one sector, or a run of file-data sectors at once; returns sectors served (0 = error).
    func readRun<R: LdrFileReader>(sector: UInt64, into out: UnsafeMutableRawBufferPointer, reader: R) -> Int {
        let one = UnsafeMutableRawBufferPointer(rebasing: out[0..<512])
        one.initializeMemory(as: UInt8.self, repeating: 0)
        if sector < Self.partitionStart {
            if sector == 0 { put(mbr(), one) }
            return 1
        }
        let s = sector - Self.partitionStart
        if s < Self.reserved {
            if s == 0 || s == 6 { put(bootSector(), one) } else if s == 1 || s == 7 { put(fsInfo(), one) }
            return 1
        }
        if s < dataStart {
            let first = ((s - Self.reserved) % fatSectors) * 128
            for k in 0..<UInt64(128) { one.storeBytes(of: fatEntry(first + k).littleEndian, toByteOffset: Int(k) * 4, as: UInt32.self) }
            return 1
        }
        let rel = s - dataStart
        let cluster = 2 + rel / Self.sectorsPerCluster
        guard let run = runs.first(where: { cluster >= $0.first && cluster < $0.first + $0.count }) else { return 1 }
        let offset = (rel - (run.first - 2) * Self.sectorsPerCluster) * 512
        if run.dir >= 0 {
            let d = dirs[run.dir]
            d.withUnsafeBytes { one.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset) + 512])) }
            return 1
        }
        // File data: as many sectors as the request and the run allow, in one read.
        let runEnd = run.count * Self.clusterBytes
        let sectors = min(UInt64(out.count / 512), (runEnd - offset) / 512)
        let size = sizes[run.file]
        let bytes = offset < size ? min(size - offset, sectors * 512) : 0
        let span = UnsafeMutableRawBufferPointer(rebasing: out[0..<Int(sectors * 512)])
        if bytes < sectors * 512 {
            UnsafeMutableRawBufferPointer(rebasing: span[Int(bytes)...]).initializeMemory(as: UInt8.self, repeating: 0)
        }
        if bytes > 0 && !reader.read(file: run.file, at: offset, into: UnsafeMutableRawBufferPointer(rebasing: span[0..<Int(bytes)])) {
            return 0
        }
        return Int(sectors)
    }

    func put(_ bytes: [UInt8], _ out: UnsafeMutableRawBufferPointer) {
        bytes.withUnsafeBytes { out.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<min(512, bytes.count)])) }
    }

    func fatEntry(_ c: UInt64) -> UInt32 {
        if c == 0 { return 0x0FFF_FFF8 }
        if c == 1 { return 0x0FFF_FFFF }
        for r in runs where c >= r.first && c < r.first + r.count {
            return c + 1 < r.first + r.count ? UInt32(c + 1) : 0x0FFF_FFFF
        }
        return 0
    }

    func mbr() -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 512)
        b.putLE(UInt32(0x4c44_4342), at: 440)               // disk signature (see vdisk_ids.h)
        b[446 + 4] = 0x0C                                   // FAT32, LBA
        b[446 + 1] = 0xFE; b[446 + 2] = 0xFF; b[446 + 3] = 0xFF
        b[446 + 5] = 0xFE; b[446 + 6] = 0xFF; b[446 + 7] = 0xFF
        b.putLE(UInt32(Self.partitionStart), at: 446 + 8)
        b.putLE(UInt32(truncatingIfNeeded: partitionSectors), at: 446 + 12)
        b[510] = 0x55; b[511] = 0xAA
        return b
    }

    func bootSector() -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 512)
        b[0] = 0xEB; b[1] = 0x58; b[2] = 0x90
        for (i, c) in "BCDLOADR".utf8.enumerated() { b[3 + i] = c }
        b.putLE(UInt16(512), at: 11)
        b[13] = UInt8(Self.sectorsPerCluster)
        b.putLE(UInt16(Self.reserved), at: 14)
        b[16] = UInt8(Self.fats)
        b[21] = 0xF8
        b.putLE(UInt16(63), at: 24); b.putLE(UInt16(255), at: 26)
        b.putLE(UInt32(Self.partitionStart), at: 28)
        b.putLE(UInt32(truncatingIfNeeded: partitionSectors), at: 32)
        b.putLE(UInt32(fatSectors), at: 36)
        b.putLE(UInt32(2), at: 44)                          // root directory cluster
        b.putLE(UInt16(1), at: 48); b.putLE(UInt16(6), at: 50)
        b[64] = 0x80; b[66] = 0x29
        b.putLE(UInt32(0x4c44_4342), at: 67)
        for (i, c) in "BCDLOADER  FAT32   ".utf8.enumerated() { b[71 + i] = c }
        b[510] = 0x55; b[511] = 0xAA
        return b
    }

    func fsInfo() -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 512)
        b.putLE(UInt32(0x4161_5252), at: 0)
        b.putLE(UInt32(0x6141_7272), at: 484)
        b.putLE(UInt32(0xFFFF_FFFF), at: 488)               // free count unknown
        b.putLE(UInt32(0xFFFF_FFFF), at: 492)
        b.putLE(UInt32(0xAA55_0000), at: 508)
        return b
    }
}
