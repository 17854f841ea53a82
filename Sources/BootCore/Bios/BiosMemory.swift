/// The physical memory a BIOS call's buffers live in, as the emulations see it. The loader and
/// the BIOS stand-in back it with flat memory (protected mode, paging off); tests with an array.
public protocol BiosMemory {
    /// `count` bytes at physical `address`, or nil when the range is not accessible.
    func bytes(at address: UInt64, count: Int) -> [UInt8]?
    /// Writable memory for `count` bytes at `address`, or nil when not accessible.
    func buffer(at address: UInt64, count: Int) -> UnsafeMutableRawBufferPointer?
}

/// A disk an emulated BIOS drive serves: fixed 512-byte sectors.
public protocol BiosSectorDevice {
    var sectorCount: UInt64 { get }
    /// Fills the first 512 bytes of `buffer` with sector `lba`; false past the end or on failure.
    func readSector(_ lba: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool
    /// Fills `buffer` with `buffer.count / 512` sectors from `lba`; false past the end or on failure.
    func readSectors(_ lba: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool
}

extension BiosSectorDevice {
    /// Sector by sector, for a device with no faster way.
    public func readSectors(_ lba: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        for i in 0..<buffer.count / 512 {
            guard readSector(lba + UInt64(i), into: UnsafeMutableRawBufferPointer(rebasing: buffer[(i * 512)...])) else { return false }
        }
        return true
    }
}

/// VirtualFatDisk's own multi-sector read: a file's cluster run in one source read (a boot
/// manager loading a 500 MB boot.wim asks for 127 sectors or more per call).
extension VirtualFatDisk: BiosSectorDevice {}

extension BiosMemory {
    /// Writes `value` (little-endian, `width` bytes) at `address`; false when not accessible.
    @discardableResult
    func putLE<T: FixedWidthInteger>(_ value: T, at address: UInt64, width: Int = MemoryLayout<T>.size) -> Bool {
        guard let b = buffer(at: address, count: width) else { return false }
        let wide = UInt64(truncatingIfNeeded: value)
        for i in 0..<width { b[i] = UInt8(truncatingIfNeeded: wide >> (8 * UInt64(i))) }
        return true
    }
}
