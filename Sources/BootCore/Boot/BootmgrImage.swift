/// The bootmgr.exe inside a PCAT `bootmgr` file: a 16-bit startup stub followed by the 32-bit
/// boot manager (a PE32 i386 image), compressed with LZNT1 or XCA (LZ77+Huffman). The stub's
/// layout is not documented, so the image is found by looking: at every 8-byte offset whose bytes
/// can start such a stream holding "MZ", decode, and accept the first output that PEImage reads
/// as an i386 PE32. Offsets are tried in order, LZNT1 before XCA at each; full decodes are bounded.
public enum BootmgrImage {
    public enum Format: Equatable, Sendable {
        case lznt1, xca
        public var name: String { self == .lznt1 ? "lznt1" : "xca" }
    }

    /// Where the image was found and how large it is decoded.
    public struct Found: Equatable, Sendable {
        public let offset: Int
        public let format: Format
        public let size: Int
    }

    public enum Failure: Error, Equatable, Sendable {
        /// No candidate decoded to an i386 PE32 (`attempts` full decodes were tried).
        case noImage(attempts: Int)
        /// None did, and the stream at `offset` decoded to more than the output buffer holds.
        case tooLarge(offset: Int, format: Format, limit: Int)
        public var message: String {
            switch self {
            case .noImage(let attempts):
                return "no compressed bootmgr.exe (LZNT1 or XCA, i386 PE32) found in the file (\(attempts) candidate streams decoded)"
            case .tooLarge(let offset, let format, let limit):
                return "the \(format.name) stream at offset \(hexText(UInt64(offset))) decodes to more than \(limit) bytes, and no other is a bootmgr.exe"
            }
        }
    }

    /// Candidate offsets are multiples of this.
    public static let alignment = 8
    /// At most this many candidates are decoded in full.
    public static let maximumAttempts = 32

    /// Finds and decodes the embedded image into `output` (its decoded size must fit).
    public static func extract(
        _ file: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(Failure) -> Found {
        var attempts = 0
        var overflow: Failure? = nil
        var xca = XcaDecoder()
        var offset = alignment
        while offset + 4 <= file.count && attempts < maximumAttempts {
            for format in [Format.lznt1, .xca] where attempts < maximumAttempts && mayStart(format, file, at: offset) {
                attempts += 1
                let stream = UnsafeRawBufferPointer(rebasing: file[offset...])
                let size: Int
                do throws(DecompressionError) {
                    size = format == .lznt1 ? try Lznt1Decoder.decompress(stream, into: output)
                                            : try xca.decompress(stream, into: output)
                } catch {
                    if error == .outputOverflow && overflow == nil {
                        overflow = .tooLarge(offset: offset, format: format, limit: output.count)
                    }
                    continue
                }
                if isBootManager(UnsafeRawBufferPointer(rebasing: output[0..<size])) {
                    return Found(offset: offset, format: format, size: size)
                }
            }
            offset += alignment
        }
        throw overflow ?? .noImage(attempts: attempts)
    }

    /// Cheap tests before a full decode. LZNT1: a chunk header (signature 3) whose data starts
    /// with "MZ" as literals: stored, or compressed with the first flag byte's bits 0-1 clear.
    /// XCA: a complete code (Kraft sum exactly 1, as [MS-XCA] 2.2.4 requires) giving codes to
    /// the symbols 0x00, 'M' and 'Z', which every PE's first bytes hold.
    static func mayStart(_ format: Format, _ file: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        switch format {
        case .lznt1:
            guard file.count - offset >= 5 else { return false }
            let high = file[offset + 1]
            if high & 0xF0 == 0xB0 {
                return file[offset + 2] & 0x03 == 0 && file[offset + 3] == 0x4D && file[offset + 4] == 0x5A
            }
            return high & 0xF0 == 0x30 && file[offset + 2] == 0x4D && file[offset + 3] == 0x5A
        case .xca:
            guard file.count - offset >= XpressDecoder.lengthTableSize + 4 else { return false }
            // Symbol s's length: byte s/2, low nibble for even s.
            func length(_ s: Int) -> Int { Int(s & 1 == 0 ? file[offset + s / 2] & 0x0F : file[offset + s / 2] >> 4) }
            guard length(0x00) > 0, length(0x4D) > 0, length(0x5A) > 0 else { return false }
            var kraft = 0
            for s in 0..<512 where length(s) > 0 { kraft += 1 << (15 - length(s)) }
            return kraft == 1 << 15
        }
    }

    /// Is `image` an i386 PE32 (what a BIOS boot manager is)?
    public static func isBootManager(_ image: UnsafeRawBufferPointer) -> Bool {
        guard image.count >= 2, image[0] == 0x4D, image[1] == 0x5A else { return false }
        guard let pe = try? PEImage(RawBufferSource(image)) else { return false }
        return pe.machine == PEImage.machineI386 && !pe.isPE32Plus
    }
}
