/// Why a compressed chunk could not be decoded. The decoders never trap on bad input:
/// every malformed stream ends in one of these.
public enum DecompressionError: Error, Equatable, Sendable {
    /// A Huffman code table is over-subscribed, or a symbol decoded to an unused code.
    case invalidHuffmanCode
    /// A match points before the start of the output, or runs past its end.
    case invalidMatch
    /// A block header is malformed (unknown type, bad size, zero recent offset...).
    case invalidBlock
    /// The compressed input ended before the expected output was produced.
    case truncatedInput
    /// The chunk size is outside what the format allows.
    case unsupportedChunkSize
    /// The data decodes to more bytes than the output buffer holds (streams of unknown size).
    case outputOverflow
}
