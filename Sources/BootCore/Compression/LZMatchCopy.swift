/// Copies an LZ77 match of `length` bytes from `offset` bytes back; overlapping copies
/// (offset < length) repeat the pattern, as the format requires. Caller checked bounds.
@inline(__always)
func copyLZMatch(_ out: UnsafeMutablePointer<UInt8>, at pos: Int, offset: Int, length: Int) {
    var dst = out + pos
    var src = dst - offset
    let end = dst + length
    if offset >= 8 {
        // Word copies; the last one may not overrun `end`, so finish bytewise.
        while end - dst >= 8 {
            UnsafeMutableRawPointer(dst).storeBytes(
                of: UnsafeRawPointer(src).loadUnaligned(as: UInt64.self), as: UInt64.self)
            dst += 8
            src += 8
        }
    }
    while dst < end {
        dst.pointee = src.pointee
        dst += 1
        src += 1
    }
}
