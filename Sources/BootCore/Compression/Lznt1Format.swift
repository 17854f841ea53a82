/// LZNT1 ([MS-XCA] 2.5) layout rules shared by the decoder and the encoder.
///
/// The data is a series of chunks, each decoding to at most 4096 bytes, independent of the others.
/// A chunk starts with a 16-bit little-endian header: bits 0-11 = size of the chunk data after the
/// header minus 1, bits 12-14 = signature 3, bit 15 = compressed. A header of 0 ends the data.
/// Compressed chunk data is groups of a flag byte and 8 items (bit i, LSB first: 0 = a literal
/// byte, 1 = a 16-bit copy token). A copy token's split depends on U, the number of bytes the chunk
/// has decoded so far: the displacement gets D = max(4, bit width of U - 1) high bits, the length
/// the 16 - D low bits; displacement = high part + 1, length = low part + 3.
enum Lznt1Format {
    static let chunkSize = 4096
    static let signature: UInt16 = 0x3000
    static let signatureMask: UInt16 = 0x7000
    static let compressedFlag: UInt16 = 0x8000
    static let sizeMask: UInt16 = 0x0FFF
    static let minimumMatch = 3

    /// Displacement bits D for a token at position `u` (>= 1) of its chunk.
    @inline(__always)
    static func displacementBits(at u: Int) -> Int {
        max(4, Int.bitWidth - (u &- 1).leadingZeroBitCount)
    }

    /// The largest match length a token at position `u` can encode.
    @inline(__always)
    static func maximumLength(at u: Int) -> Int {
        (1 << (16 - displacementBits(at: u))) - 1 + minimumMatch
    }
}
