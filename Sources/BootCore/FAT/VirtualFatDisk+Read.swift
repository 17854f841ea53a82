extension VirtualFatDisk {
    /// The 512 bytes of sector `lba`, or nil past the end of the disk or when a source fails.
    public func sector(_ lba: UInt64) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: FatGeometry.bytesPerSector)
        let ok = out.withUnsafeMutableBytes { readSector(lba, into: $0) }
        return ok ? out : nil
    }

    /// Fills `buffer` (at least 512 bytes; only the first 512 are written) with sector `lba`.
    public func readSector(_ lba: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard lba < sectorCount, buffer.count >= FatGeometry.bytesPerSector else { return false }
        let sector = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<FatGeometry.bytesPerSector])
        sector.initializeMemory(as: UInt8.self, repeating: 0)
        if lba == 0 { return copy(FatBootRegion.masterBootRecord(geometry, diskSignature: volumeID), into: sector) }
        guard lba >= FatGeometry.partitionStart else { return true }
        let relative = lba - FatGeometry.partitionStart
        let g = geometry
        switch relative {
        case 0, UInt64(FatGeometry.backupBootSector):
            return copy(FatBootRegion.bootSector(g, volumeID: volumeID), into: sector)
        case UInt64(FatGeometry.fsInfoSector), UInt64(FatGeometry.backupBootSector + 1):
            return copy(FatBootRegion.fsInfo(g), into: sector)
        case ..<UInt64(FatGeometry.reservedSectors):
            return true
        case ..<UInt64(g.dataStart):
            let fatSector = (relative - UInt64(FatGeometry.reservedSectors)) % UInt64(g.fatSectors)
            fillFatSector(UInt32(fatSector), into: sector)
            return true
        default:
            let dataSector = relative - UInt64(g.dataStart)
            let cluster = UInt32(dataSector / UInt64(g.sectorsPerCluster)) + FatGeometry.rootCluster
            let sectorInCluster = dataSector % UInt64(g.sectorsPerCluster)
            return fillDataSector(cluster: cluster, sectorInCluster: sectorInCluster, into: sector)
        }
    }

    /// FAT sector `index`: 128 entries. Entry 0 holds the media byte, entry 1 the clean-shutdown
    /// flags; a cluster in a run points to the next one, the run's last holds end-of-chain.
    func fillFatSector(_ index: UInt32, into sector: UnsafeMutableRawBufferPointer) {
        let perSector: UInt32 = 128
        let first = index * perSector
        var runIndex = FatClusterRun.firstEnding(after: first, in: runs)
        for k in 0..<perSector {
            let cluster = first + k
            var value: UInt32 = 0
            if cluster == 0 {
                value = 0x0FFF_FFF8
            } else if cluster == 1 {
                value = 0x0FFF_FFFF
            } else if cluster < geometry.clusterCount + 2 {
                while runIndex < runs.count, runs[runIndex].endCluster <= cluster { runIndex += 1 }
                if runIndex < runs.count, runs[runIndex].firstCluster <= cluster {
                    value = cluster + 1 == runs[runIndex].endCluster ? 0x0FFF_FFFF : cluster + 1
                }
            }
            sector.storeBytes(of: value.littleEndian, toByteOffset: Int(k) * 4, as: UInt32.self)
        }
    }

    func fillDataSector(cluster: UInt32, sectorInCluster: UInt64, into sector: UnsafeMutableRawBufferPointer) -> Bool {
        guard let r = FatClusterRun.find(cluster, in: runs) else { return true }   // free cluster: zeros
        let run = runs[r]
        let offset = UInt64(cluster - run.firstCluster) * geometry.bytesPerCluster + sectorInCluster * UInt64(FatGeometry.bytesPerSector)
        switch run.content {
        case .directory(let dir):
            let bytes = directoryContents[dir]
            guard offset < UInt64(bytes.count) else { return true }
            let end = min(bytes.count, Int(offset) + FatGeometry.bytesPerSector)
            return copy(Array(bytes[Int(offset)..<end]), into: sector)
        case .file(let f):
            let size = files[f].size
            guard offset < size else { return true }
            let length = Int(min(UInt64(FatGeometry.bytesPerSector), size - offset))
            return files[f].source.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: sector[0..<length]))
        }
    }

    func copy(_ bytes: [UInt8], into sector: UnsafeMutableRawBufferPointer) -> Bool {
        bytes.withUnsafeBytes { src in
            UnsafeMutableRawBufferPointer(rebasing: sector[0..<src.count]).copyMemory(from: src)
        }
        return true
    }
}
