/// Everything that can go wrong reading a WIM. Parsing never traps on bad input.
public enum WIMError: Error, Equatable, Sendable {
    /// The file does not start with the WIM magic "MSWIM\0\0\0".
    case notAWIM
    /// A structure lies (partly) outside the file.
    case truncated(WIMStructure)
    /// A structure's content is inconsistent.
    case corrupt(WIMStructure)
    /// A valid WIM feature this reader does not implement.
    case unsupported(WIMUnsupportedFeature)
    /// No image with this 1-based index.
    case imageNotFound(Int)
    /// The WIM has no boot index (header field is 0).
    case noBootImage
    case pathNotFound
    case notADirectory
    case isADirectory
    /// A chunk failed to decompress.
    case decompression(DecompressionError)
}

/// The part of the WIM an error is about.
public enum WIMStructure: Equatable, Sendable {
    case header, blobTable, metadataResource, securityData, directoryEntry, streamEntry
    case chunkTable, chunk, resource, missingBlob
}

public enum WIMUnsupportedFeature: Equatable, Sendable {
    /// LZMS-compressed resources (wimcapture --compress=lzms, Windows' .esd).
    case lzmsCompression
    /// Solid resources (several blobs compressed as one; wimcapture --solid, .esd).
    case solidResource
    /// A WIM split into parts (.swm).
    case spannedArchive
    /// A compression flag this reader does not know (e.g. XPRESS with 2 MiB solid chunks).
    case unknownCompression
    /// A chunk size outside what the compression format allows.
    case chunkSize
}

extension WIMStructure {
    public var name: String {
        switch self {
        case .header: return "header"
        case .blobTable: return "blob (lookup) table"
        case .metadataResource: return "image metadata resource"
        case .securityData: return "security data"
        case .directoryEntry: return "directory entry"
        case .streamEntry: return "stream entry"
        case .chunkTable: return "chunk table"
        case .chunk: return "compressed chunk"
        case .resource: return "resource"
        case .missingBlob: return "blob reference (hash not in the blob table)"
        }
    }
}

extension DecompressionError {
    public var message: String {
        switch self {
        case .invalidHuffmanCode: return "invalid Huffman code"
        case .invalidMatch: return "match outside the decoded data"
        case .invalidBlock: return "invalid block header"
        case .truncatedInput: return "compressed data ends early"
        case .unsupportedChunkSize: return "unsupported chunk size"
        case .outputOverflow: return "decoded data larger than its buffer"
        }
    }
}

extension WIMError {
    /// One line for a person.
    public var message: String {
        switch self {
        case .notAWIM: return "not a WIM file (bad magic)"
        case .truncated(let what): return "truncated WIM: " + what.name + " lies outside the file"
        case .corrupt(let what): return "corrupt WIM: bad " + what.name
        case .unsupported(let feature):
            switch feature {
            case .lzmsCompression: return "unsupported: LZMS compression (recapture with --compress=lzx or xpress)"
            case .solidResource: return "unsupported: solid resource (recapture without --solid)"
            case .spannedArchive: return "unsupported: split (spanned) WIM"
            case .unknownCompression: return "unsupported: unknown compression type"
            case .chunkSize: return "unsupported: chunk size not allowed for this compression"
            }
        case .imageNotFound(let index): return "no image " + decimal(index) + " in this WIM"
        case .noBootImage: return "the WIM has no boot image (boot index 0)"
        case .pathNotFound: return "no such file or directory in the image"
        case .notADirectory: return "not a directory"
        case .isADirectory: return "is a directory"
        case .decompression(let error): return "corrupt WIM: " + error.message
        }
    }
}

/// Decimal text of an integer without relying on String(describing:) (Embedded-safe).
fileprivate func decimal(_ value: Int) -> String {
    if value == 0 { return "0" }
    var digits: [UInt8] = []
    var rest = value.magnitude
    while rest > 0 {
        digits.append(UInt8(48 + rest % 10))
        rest /= 10
    }
    if value < 0 { digits.append(45) }
    return String(decoding: digits.reversed(), as: UTF8.self)
}
