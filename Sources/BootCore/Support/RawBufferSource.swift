/// A ByteSource over memory the caller owns (valid while the source is used).
public struct RawBufferSource: ByteSource {
    public let buffer: UnsafeRawBufferPointer
    public init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }
    public var count: UInt64 { UInt64(buffer.count) }
    public func read(at offset: UInt64, into destination: UnsafeMutableRawBufferPointer) -> Bool {
        guard offset <= count, UInt64(destination.count) <= count - offset else { return false }
        if destination.isEmpty { return true }
        destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[Int(offset)..<Int(offset) + destination.count]))
        return true
    }
}
