/// A FAT32 disk that exists only as a function from sector number to sector bytes: an MBR with
/// one partition, boot sector, FSInfo, two FATs, the nine directories of `VirtualDirectories`
/// (each listing every supplied file, with long and 8.3 names), and the files' data read from
/// their sources on demand. Building it costs a few small arrays (directory contents and the
/// run table); a sector read computes FAT sectors and reads data straight from the source.
public struct VirtualFatDisk<Source: ByteSource> {
    public static var sectorSize: Int { FatGeometry.bytesPerSector }
    /// FAT32 keeps file sizes in 32 bits.
    public static var maximumFileSize: UInt64 { UInt64(UInt32.max) }

    public let files: [VirtualFatFile<Source>]
    public let geometry: FatGeometry
    public let shortNames: FatShortNameTable
    let directoryContents: [[UInt8]]
    let runs: [FatClusterRun]
    let volumeID: UInt32

    /// Total size of the disk in 512-byte sectors.
    public var sectorCount: UInt64 { geometry.totalSectors }

    /// - Parameter sharedClusters: false (the default) gives every directory its own cluster
    ///   run for each file, all mapped to the same source bytes: a clean FAT32 that `fsck.fat`
    ///   accepts, with a disk nine times the payload. true points all nine entries at one run:
    ///   a compact disk that readers accept but checkers report as cross-linked.
    public init(files: [VirtualFatFile<Source>], sharedClusters: Bool = false, volumeID: UInt32 = VirtualFatDiskIdentity.volumeID) throws(VirtualDiskError) {
        try Self.validate(files)
        self.files = files
        self.volumeID = volumeID
        let dirCount = VirtualDirectories.count
        let reserved = VirtualDirectories.reservedNameBytes
        var names = files.map { $0.nameBytes }
        names += reserved
        let table = try FatShortNameTable(longNameBytes: names)
        shortNames = table
        let directoryNameIndex: (Int) -> Int = { dir in
            let last = Array((VirtualDirectories.components[dir].last ?? "").utf8)
            return files.count + (reserved.firstIndex(where: { asciiEqualIgnoringCase($0, last) }) ?? 0)
        }
        // Directory sizes do not depend on cluster numbers, so they are known up front.
        var entryCounts: [Int] = []
        for dir in 0..<dirCount {
            var count = dir == 0 ? 0 : 2                        // "." and ".."
            for child in VirtualDirectories.children(of: dir) { count += Self.entryCount(table, directoryNameIndex(child), names) }
            for f in 0..<files.count { count += Self.entryCount(table, f, names) }
            guard count <= 65536 else { throw .tooManyFiles(files.count) }
            entryCounts.append(count)
        }
        // The largest cluster (32 KiB, FAT's largest standard one, down to 512 B) whose payload
        // alone reaches FAT32's minimum cluster count: a small payload makes a small disk, a big
        // one a small FAT and short chains (a firmware FAT driver follows the chain cluster by
        // cluster on every read: 32 per MiB at 32 KiB, 256 at 4 KiB).
        var chosen = FatAllocation(entryCounts: entryCounts, fileSizes: files.map { $0.size }, sectorsPerCluster: 64, sharedClusters: sharedClusters)
        for spc: UInt32 in [32, 16, 8, 4, 2, 1] where chosen.usedClusters < UInt64(FatGeometry.minimumClusters) {
            chosen = FatAllocation(entryCounts: entryCounts, fileSizes: files.map { $0.size }, sectorsPerCluster: spc, sharedClusters: sharedClusters)
        }
        guard chosen.usedClusters <= UInt64(FatGeometry.maximumClusters) else { throw .diskTooLarge }
        let runList = chosen.runs
        let fileRuns = chosen.fileFirstClusters
        runs = runList
        geometry = try FatGeometry(usedClusters: UInt32(chosen.usedClusters), allocatedClusters: UInt32(chosen.allocatedClusters),
                                   sectorsPerCluster: chosen.sectorsPerCluster)

        var contents: [[UInt8]] = []
        for dir in 0..<dirCount {
            var bytes: [UInt8] = []
            let own = runList[dir].firstCluster
            if dir != 0 {
                let parent = VirtualDirectories.parent(of: dir)
                let parentCluster = parent == 0 ? 0 : runList[parent].firstCluster  // ".." to the root is 0
                bytes += FatDirectoryEntry.shortEntry(name: Array(".          ".utf8), attributes: FatDirectoryEntry.attributeDirectory, firstCluster: own, fileSize: 0)
                bytes += FatDirectoryEntry.shortEntry(name: Array("..         ".utf8), attributes: FatDirectoryEntry.attributeDirectory, firstCluster: parentCluster, fileSize: 0)
            }
            for child in VirtualDirectories.children(of: dir) {
                bytes += Self.entries(table, directoryNameIndex(child), names, attributes: FatDirectoryEntry.attributeDirectory,
                                      firstCluster: runList[child].firstCluster, size: 0)
            }
            for f in 0..<files.count {
                bytes += Self.entries(table, f, names, attributes: FatDirectoryEntry.attributeArchive,
                                      firstCluster: fileRuns[dir][f], size: UInt32(files[f].size))
            }
            contents.append(bytes)
        }
        directoryContents = contents
    }

    static func validate(_ files: [VirtualFatFile<Source>]) throws(VirtualDiskError) {
        var seen = Set<[UInt8]>()                     // lower-cased names: FAT is case-insensitive
        for file in files {
            let bytes = file.nameBytes
            guard FatShortNameTable.isValidLongName(bytes) else { throw .invalidName(file.name) }
            if VirtualDirectories.isReserved(bytes) { throw .reservedName(file.name) }
            guard seen.insert(bytes.map(asciiLowercased)).inserted else { throw .duplicateName(file.name) }
            guard file.size <= maximumFileSize else { throw .fileTooLarge(name: file.name, size: file.size) }
        }
    }

    static func entryCount(_ table: FatShortNameTable, _ index: Int, _ names: [[UInt8]]) -> Int {
        table.needsLongName[index] ? 1 + (names[index].count + 12) / 13 : 1
    }

    static func entries(_ table: FatShortNameTable, _ index: Int, _ names: [[UInt8]], attributes: UInt8, firstCluster: UInt32, size: UInt32) -> [UInt8] {
        let short = table.shortNames[index]
        var out: [UInt8] = []
        if table.needsLongName[index] {
            out += FatDirectoryEntry.longNameEntries(names[index], checksum: FatDirectoryEntry.shortNameChecksum(short))
        }
        out += FatDirectoryEntry.shortEntry(name: short, attributes: attributes, firstCluster: firstCluster, fileSize: size)
        return out
    }
}
