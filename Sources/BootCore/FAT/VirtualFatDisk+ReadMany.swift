extension VirtualFatDisk {
    /// Fills `buffer` with `buffer.count / 512` sectors starting at `lba` (a block device's
    /// multi-sector read). Sectors inside one file's cluster run come from a single source read,
    /// so streaming a large file costs one copy, not one lookup per sector.
    /// False when the range leaves the disk or a source fails.
    public func readSectors(_ lba: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        let sectorSize = FatGeometry.bytesPerSector
        let total = UInt64(buffer.count / sectorSize)
        guard lba <= sectorCount, total <= sectorCount - lba else { return false }
        var done: UInt64 = 0
        while done < total {
            let current = lba + done
            let out = UnsafeMutableRawBufferPointer(rebasing: buffer[Int(done) * sectorSize..<Int(total) * sectorSize])
            if let n = readFileSpan(current, maxSectors: total - done, into: out) {
                done += n
                continue
            }
            guard readSector(current, into: out) else { return false }
            done += 1
        }
        return true
    }

    /// When `lba` lies in a file's cluster run, reads up to `maxSectors` sectors of that run in
    /// one go and returns how many; nil when `lba` is not file data (or the read failed, so the
    /// per-sector path reports it).
    func readFileSpan(_ lba: UInt64, maxSectors: UInt64, into out: UnsafeMutableRawBufferPointer) -> UInt64? {
        let g = geometry
        let dataStart = FatGeometry.partitionStart + UInt64(g.dataStart)
        guard lba >= dataStart, maxSectors > 1 else { return nil }
        let dataSector = lba - dataStart
        let cluster = UInt32(dataSector / UInt64(g.sectorsPerCluster)) + FatGeometry.rootCluster
        guard let r = FatClusterRun.find(cluster, in: runs), case .file(let f) = runs[r].content else { return nil }
        let run = runs[r]
        let runFirstSector = UInt64(run.firstCluster - FatGeometry.rootCluster) * UInt64(g.sectorsPerCluster)
        let sectorInRun = dataSector - runFirstSector
        let sectorsLeftInRun = UInt64(run.clusterCount) * UInt64(g.sectorsPerCluster) - sectorInRun
        let n = min(maxSectors, sectorsLeftInRun)
        let sectorSize = UInt64(FatGeometry.bytesPerSector)
        let offset = sectorInRun * sectorSize
        let span = UnsafeMutableRawBufferPointer(rebasing: out[0..<Int(n * sectorSize)])
        // The file's bytes go straight into the caller's buffer; only what lies past the end
        // of the file (the slack of its last cluster) is zeroed.  No per-sector work here, and no
        // second pass over the span: under emulation a fill costs about as much as the read.
        let size = files[f].size
        let length = offset < size ? Int(min(n * sectorSize, size - offset)) : 0
        if length > 0 {
            guard files[f].source.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: span[0..<length])) else { return nil }
        }
        if length < span.count {
            UnsafeMutableRawBufferPointer(rebasing: span[length...]).initializeMemory(as: UInt8.self, repeating: 0)
        }
        return n
    }
}
