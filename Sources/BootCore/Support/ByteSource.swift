// BootCore: boot payload parsers shared by the host tools and the UEFI loader.
// Rules for every file in this target: no Foundation, no `any P` existentials over
// non-class protocols, typed throws only — it must also build with Embedded Swift.

/// Random access to the bytes of one payload file (a WIM, an SDI, a cpio archive).
/// The loader backs it with memory the firmware loaded; host tools with a mapped file.
public protocol ByteSource {
    /// Total size in bytes.
    var count: UInt64 { get }
    /// Copies `buffer.count` bytes starting at `offset` into `buffer`.
    /// Returns false when the range is not entirely inside the source.
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool
}

/// A ByteSource over bytes already in memory.
public struct MemorySource: ByteSource {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var count: UInt64 { UInt64(bytes.count) }
    public func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(buffer.count) <= count - offset else { return false }
        if buffer.isEmpty { return true }
        bytes.withUnsafeBytes { src in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[Int(offset)..<Int(offset) + buffer.count]))
        }
        return true
    }
}

extension ByteSource {
    /// Reads `length` bytes at `offset`, or nil when out of range.
    public func bytes(at offset: UInt64, length: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: length)
        let ok = out.withUnsafeMutableBytes { read(at: offset, into: $0) }
        return ok ? out : nil
    }

    /// Reads the whole source in order, `size` bytes at a time, handing each chunk to `body`
    /// (the buffer is reused: copy what must outlive the call); false when a read fails.
    public func forEachChunk(size: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var buffer = [UInt8](repeating: 0, count: size)
        var offset: UInt64 = 0
        while offset < count {
            let n = Int(min(UInt64(size), count - offset))
            let ok = buffer.withUnsafeMutableBytes { whole in
                let part = UnsafeMutableRawBufferPointer(rebasing: whole[0..<n])
                guard read(at: offset, into: part) else { return false }
                body(UnsafeRawBufferPointer(part))
                return true
            }
            guard ok else { return false }
            offset += UInt64(n)
        }
        return true
    }
}
