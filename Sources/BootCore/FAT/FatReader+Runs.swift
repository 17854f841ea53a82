/// Random access to a file on a `FatReader` volume: its cluster chain read once into runs of
/// consecutive clusters (one FAT sector read per 128 or 256 entries, not one per cluster), then
/// any byte range read straight from the data region, a run at a time.
public struct FatRun: Equatable {
    public var firstCluster: UInt32
    public var count: UInt32
}

public struct FatFileMap: Equatable {
    public let size: UInt64
    public let runs: [FatRun]
}

extension FatReader {
    /// The runs of `file`'s chain, as far as its size needs (a longer chain is not followed).
    public func runs(_ file: FatNode) throws(FatReadError) -> FatFileMap {
        let needed = (UInt64(file.size) + UInt64(clusterBytes) - 1) / UInt64(clusterBytes)
        var out: [FatRun] = []
        var have: UInt64 = 0
        var cachedLBA: UInt64 = .max
        var cached = [UInt8](repeating: 0, count: 512)
        var c = file.firstCluster
        while have < needed {
            guard c >= 2, c < clusterCount + 2 else { throw .badChain }
            if let last = out.last, last.firstCluster &+ last.count == c { out[out.count - 1].count += 1 }
            else { out.append(FatRun(firstCluster: c, count: 1)) }
            have += 1
            if have == needed { break }
            // The next cluster from the FAT, through a one-sector cache.
            let offset = UInt64(c) * (isFat32 ? 4 : 2)
            let lba = fatStart + offset / 512
            if lba != cachedLBA {
                let ok = cached.withUnsafeMutableBytes { reader.readSectors(lba, count: 1, into: $0) }
                guard ok else { throw .readFailed(lba) }
                cachedLBA = lba
            }
            let at = Int(offset % 512)
            let value = isFat32 ? (cached.le32(at: at) ?? 0) & 0x0FFF_FFFF : UInt32(cached.le16(at: at) ?? 0)
            guard value >= 2, value < clusterCount + 2 else { throw .badChain }   // ends early, or leaves the volume
            c = value
        }
        return FatFileMap(size: UInt64(file.size), runs: out)
    }

    /// Reads `buffer.count` bytes at `offset` of the mapped file (the range must lie in it).
    public func read(_ map: FatFileMap, at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws(FatReadError) {
        guard offset <= map.size, UInt64(buffer.count) <= map.size - offset else { throw .badChain }
        let cb = UInt64(clusterBytes)
        var done = 0
        var runStart: UInt64 = 0          // file offset of the current run
        var sector = [UInt8](repeating: 0, count: 512)
        for run in map.runs where done < buffer.count {
            let runBytes = UInt64(run.count) * cb
            defer { runStart += runBytes }
            let want = offset + UInt64(done)
            guard want < runStart + runBytes else { continue }
            var inRun = want - runStart
            let base = clusterLBA(run.firstCluster)
            while done < buffer.count && inRun < runBytes {
                let lba = base + inRun / 512
                let skip = Int(inRun % 512)
                let left = buffer.count - done
                if skip == 0 && left >= 512 {
                    // Whole sectors straight into the caller's buffer, up to 64 KiB a request.
                    let sectors = min(left / 512, Int((runBytes - inRun) / 512), 128)
                    let part = UnsafeMutableRawBufferPointer(rebasing: buffer[done..<done + sectors * 512])
                    guard reader.readSectors(lba, count: sectors, into: part) else { throw .readFailed(lba) }
                    done += sectors * 512
                    inRun += UInt64(sectors * 512)
                } else {
                    let ok = sector.withUnsafeMutableBytes { reader.readSectors(lba, count: 1, into: $0) }
                    guard ok else { throw .readFailed(lba) }
                    let take = min(512 - skip, left)
                    for k in 0..<take { buffer[done + k] = sector[skip + k] }
                    done += take
                    inRun += UInt64(take)
                }
            }
        }
        guard done == buffer.count else { throw .badChain }
    }
}
