/// What a BIOS boot application is told about the virtual disk (BootAppParameters' device).
extension VirtualFatDisk {
    /// The MBR's disk signature (offset 440 of sector 0).
    public var diskSignature: UInt32 { volumeID }
    /// Byte offset of the FAT32 partition: the MBR's one entry starts at `FatGeometry.partitionStart`.
    public static var partitionByteOffset: UInt32 { UInt32(FatGeometry.partitionStart) * UInt32(FatGeometry.bytesPerSector) }
}
