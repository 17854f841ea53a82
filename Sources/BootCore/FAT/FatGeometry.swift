/// Where everything sits on the virtual disk. All sector numbers are 512-byte sectors;
/// the partition starts at 1 MiB like any modern partitioning tool would place it.
public struct FatGeometry: Equatable {
    public static let bytesPerSector = 512
    public static let partitionStart: UInt64 = 2048
    public static let reservedSectors: UInt32 = 32
    public static let fatCount: UInt32 = 2
    public static let fsInfoSector: UInt32 = 1
    public static let backupBootSector: UInt32 = 6
    public static let rootCluster: UInt32 = 2
    /// FAT32 needs at least 65525 clusters (fewer and every driver takes it for FAT16);
    /// a margin keeps tools that round differently on the same side.
    public static let minimumClusters: UInt32 = 65_525 + 1_000
    /// Highest cluster count FAT32 can number (entries are 28 bits; 0x0FFFFFF7 means bad).
    public static let maximumClusters: UInt32 = 0x0FFF_FFF5 - 2

    /// 1 to 64 (512 B to 32 KiB clusters), chosen by `VirtualFatDisk` from the payload size.
    public let sectorsPerCluster: UInt32
    public let clusterCount: UInt32
    /// Clusters from 2 up to the last one in use (free alignment gaps included).
    public let usedClusters: UInt32
    /// Clusters in use (FSInfo's free count is the rest).
    public let allocatedClusters: UInt32

    public init(usedClusters: UInt32, allocatedClusters: UInt32? = nil, sectorsPerCluster: UInt32) throws(VirtualDiskError) {
        guard usedClusters <= Self.maximumClusters else { throw .diskTooLarge }
        self.sectorsPerCluster = sectorsPerCluster
        self.usedClusters = usedClusters
        self.allocatedClusters = min(allocatedClusters ?? usedClusters, usedClusters)
        self.clusterCount = max(usedClusters, Self.minimumClusters)
        guard totalSectors <= UInt64(UInt32.max) else { throw .diskTooLarge }
    }

    public var bytesPerCluster: UInt64 { UInt64(sectorsPerCluster) * UInt64(Self.bytesPerSector) }
    /// One FAT: 4 bytes for each cluster plus the two reserved entries.
    public var fatSectors: UInt32 { UInt32(((UInt64(clusterCount) + 2) * 4 + 511) / 512) }
    /// First data sector, relative to the partition.
    public var dataStart: UInt32 { Self.reservedSectors + Self.fatCount * fatSectors }
    public var partitionSectors: UInt64 { UInt64(dataStart) + UInt64(clusterCount) * UInt64(sectorsPerCluster) }
    public var totalSectors: UInt64 { Self.partitionStart + partitionSectors }
    public var freeClusters: UInt32 { clusterCount - allocatedClusters }
}
