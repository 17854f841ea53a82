/// Cluster allocation of the virtual disk for one cluster size: the nine directories first
/// (the root at cluster 2), then, for each directory, its own run for each non-empty file —
/// or, with `sharedClusters`, one run per file that all nine directory entries point to.
///
/// A file of at least `alignment` bytes starts `alignment`-aligned from the start of the data
/// region (cluster 2); the clusters skipped stay free. Firmware FAT drivers cache file data in
/// pages counted from there (EDK2's FAT driver: 64 KiB pages from the first data sector), and
/// serve the page-aligned middle of a read straight into the caller's buffer: an aligned file
/// read in 64 KiB multiples then reaches the disk as one request, with no head or tail page
/// read into the cache and copied.
struct FatAllocation {
    static let alignment: UInt64 = 64 << 10
    let sectorsPerCluster: UInt32
    /// Sorted by first cluster, non-overlapping.
    var runs: [FatClusterRun] = []
    /// [directory][file] -> first cluster of that directory's copy (0 for an empty file).
    var fileFirstClusters: [[UInt32]] = []
    /// Clusters up to the last one taken, from cluster 2 on (alignment gaps included). May
    /// exceed the FAT32 limit; the caller checks.
    var usedClusters: UInt64 = 0
    /// Clusters in runs (`usedClusters` without the alignment gaps).
    var allocatedClusters: UInt64 = 0

    init(entryCounts: [Int], fileSizes: [UInt64], sectorsPerCluster: UInt32, sharedClusters: Bool) {
        self.sectorsPerCluster = sectorsPerCluster
        let clusterBytes = UInt64(sectorsPerCluster) * UInt64(FatGeometry.bytesPerSector)
        let limit = UInt64(FatGeometry.maximumClusters) + 2
        var next = UInt64(FatGeometry.rootCluster)
        for (dir, entries) in entryCounts.enumerated() {
            let bytes = UInt64(entries * FatDirectoryEntry.size)
            let clusters = max(1, (bytes + clusterBytes - 1) / clusterBytes)
            runs.append(FatClusterRun(firstCluster: UInt32(truncatingIfNeeded: next), clusterCount: UInt32(truncatingIfNeeded: clusters), content: .directory(dir)))
            next += clusters
            allocatedClusters += clusters
        }
        for dir in 0..<entryCounts.count {
            if sharedClusters && dir > 0 {
                fileFirstClusters.append(fileFirstClusters[0])
                continue
            }
            var firsts: [UInt32] = []
            for (f, size) in fileSizes.enumerated() {
                guard size > 0 else { firsts.append(0); continue }
                let clusters = (size + clusterBytes - 1) / clusterBytes
                if size >= Self.alignment {
                    let step = max(1, Self.alignment / clusterBytes)
                    next += (step - (next - UInt64(FatGeometry.rootCluster)) % step) % step
                }
                allocatedClusters += clusters
                if next + clusters <= limit {
                    runs.append(FatClusterRun(firstCluster: UInt32(next), clusterCount: UInt32(clusters), content: .file(f)))
                }
                firsts.append(UInt32(truncatingIfNeeded: next))
                next += clusters
            }
            fileFirstClusters.append(firsts)
        }
        usedClusters = next - UInt64(FatGeometry.rootCluster)
    }
}
