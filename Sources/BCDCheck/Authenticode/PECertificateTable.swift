import BootCore

/// The Authenticode signatures of a PE image, from its certificate table: the optional
/// header's data directory 4 (IMAGE_DIRECTORY_ENTRY_SECURITY), whose address is a file offset,
/// holding WIN_CERTIFICATE entries { u32 length (with this 8-byte header), u16 revision,
/// u16 type; 2 = PKCS#7 SignedData }, each starting on an 8-byte boundary.
public enum PECertificateTable {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// A larger table is not a boot manager's (real ones hold one signature of ~10 KiB).
    static let largestTable: UInt64 = 1 << 20

    /// Every signer of every PKCS#7 entry, in table order; [] for an unsigned image.
    public static func signers<Source: ByteSource>(of image: Source) throws(Failure) -> [AuthenticodeSigner] {
        guard let (offset, size) = try directory(of: image), size > 0 else { return [] }
        guard offset <= image.count, UInt64(size) <= image.count - offset else {
            throw Failure(message: "its certificate table (offset \(offset), \(size) bytes) runs past the end of the file")
        }
        guard UInt64(size) <= largestTable else { throw Failure(message: "its certificate table is \(size) bytes, implausibly large") }
        let table = try read(image, at: offset, count: Int(size))
        var signers: [AuthenticodeSigner] = []
        var at = 0
        while at + 8 <= table.count {
            let length = Int(le32(table, at)), revision = le16(table, at + 4), type = le16(table, at + 6)
            guard length >= 8, length <= table.count - at else {
                throw Failure(message: "a certificate table entry at offset \(offset + UInt64(at)) has length \(length)")
            }
            if type == 2, revision == 0x0200 || revision == 0x0100 {
                do throws(DERError) {
                    signers += try SignedData.signers(Array(table[at + 8 ..< at + length]))
                } catch {
                    throw Failure(message: "its Authenticode signature cannot be read: \(error.message)")
                }
            }
            at += (length + 7) & ~7
        }
        return signers
    }

    /// The security directory (file offset, size), or nil when the header has no such entry.
    static func directory<Source: ByteSource>(of image: Source) throws(Failure) -> (UInt64, UInt32)? {
        let dos = try read(image, at: 0, count: 64, what: "an MZ header")
        guard dos[0] == 0x4D, dos[1] == 0x5A else { throw Failure(message: "it is not a PE image (no MZ header)") }
        let pe = UInt64(le32(dos, 0x3C))
        let coff = try read(image, at: pe, count: 24, what: "a PE header")
        guard coff[0..<4].elementsEqual([0x50, 0x45, 0, 0]) else { throw Failure(message: "it is not a PE image (no PE signature)") }
        let optionalSize = Int(le16(coff, 20))
        let optional = try read(image, at: pe + 24, count: optionalSize, what: "the optional header")
        // PE32 (0x10b): NumberOfRvaAndSizes at 92, directories at 96; PE32+ (0x20b): 108, 112.
        let (countAt, directoriesAt): (Int, Int)
        switch optionalSize >= 2 ? le16(optional, 0) : 0 {
        case 0x10B: (countAt, directoriesAt) = (92, 96)
        case 0x20B: (countAt, directoriesAt) = (108, 112)
        default: throw Failure(message: "its optional header is neither PE32 nor PE32+")
        }
        let entry = directoriesAt + 4 * 8
        guard optionalSize >= countAt + 4, le32(optional, countAt) > 4, optionalSize >= entry + 8 else { return nil }
        return (UInt64(le32(optional, entry)), le32(optional, entry + 4))
    }

    private static func read<Source: ByteSource>(_ image: Source, at offset: UInt64, count: Int, what: String? = nil) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBytes { image.read(at: offset, into: $0) }
        guard ok else { throw Failure(message: what.map { "it is not a PE image (too short for \($0))" } ?? "its certificate table cannot be read") }
        return bytes
    }

    private static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
