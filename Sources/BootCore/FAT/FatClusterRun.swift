/// A run of consecutive clusters holding one directory or one file's copy in one directory.
/// Each run is one FAT chain (cluster n points to n + 1, the last holds end-of-chain).
struct FatClusterRun {
    enum Content {
        /// Directory `index` of `VirtualDirectories`.
        case directory(Int)
        /// Supplied file `index`. Every directory has its own run for the file, mapped to the
        /// same source bytes: the data is never copied, and no two directory entries share
        /// clusters (a FAT checker reports shared clusters as cross-linked files) — unless the
        /// disk was built with `sharedClusters`, where one run serves all nine entries.
        case file(Int)
    }
    let firstCluster: UInt32
    let clusterCount: UInt32
    let content: Content

    var endCluster: UInt32 { firstCluster + clusterCount }

    /// Index of the run holding `cluster` in `runs` (sorted, non-overlapping), or nil.
    static func find(_ cluster: UInt32, in runs: [FatClusterRun]) -> Int? {
        let index = firstEnding(after: cluster, in: runs)
        guard index < runs.count, runs[index].firstCluster <= cluster else { return nil }
        return index
    }

    /// Index of the first run that ends after `cluster` (runs.count when none does).
    static func firstEnding(after cluster: UInt32, in runs: [FatClusterRun]) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].endCluster <= cluster { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
