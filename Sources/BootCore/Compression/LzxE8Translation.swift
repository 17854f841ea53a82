/// Undoes LZX's x86 CALL translation on one decoded WIM chunk. The compressor rewrote the
/// 32-bit operand after each 0xE8 byte from relative to absolute; positions count from the
/// chunk's start, WIM fixes the translation size at 12000000, and the last 10 bytes of the
/// chunk are never translated.
enum LzxE8Translation {
    static let translationSize: Int32 = 12_000_000

    static func undo(_ data: UnsafeMutablePointer<UInt8>, count: Int) {
        guard count > 10 else { return }
        let limit = count - 10
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        while i < limit {
            // Skip 8 bytes at a time while none is 0xE8 (zero-byte test on v ^ E8E8...).
            // i < limit = count - 10 keeps the 8-byte load inside the chunk.
            let v = UnsafeRawPointer(data + i).loadUnaligned(as: UInt64.self) ^ (ones &* 0xE8)
            if (v &- ones) & ~v & (ones &* 0x80) == 0 {
                i &+= 8
                continue
            }
            if data[i] != 0xE8 {
                i &+= 1
                continue
            }
            let operand = UnsafeMutableRawPointer(data + i + 1)
            let absolute = Int32(littleEndian: operand.loadUnaligned(as: Int32.self))
            let position = Int32(truncatingIfNeeded: i)
            if absolute >= -position && absolute < translationSize {
                let relative = absolute >= 0 ? absolute &- position : absolute &+ translationSize
                operand.storeBytes(of: relative.littleEndian, as: Int32.self)
            }
            i &+= 5
        }
    }
}
