/// A file to inject: its name in `\Windows\System32` (UTF-16) and its bytes.
public struct WIMInjectedFile<Source: ByteSource> {
    public var name: [UInt16]
    public var source: Source

    public init(name: [UInt16], source: Source) {
        self.name = name
        self.source = source
    }

    /// The loader's form: an ASCII name as bytes, widened.
    public init(asciiName: [UInt8], source: Source) {
        var units: [UInt16] = []
        for byte in asciiName { units.append(UInt16(byte)) }
        self.init(name: units, source: source)
    }
}

/// What happened to one injected file.
public struct WIMInjectedFileInfo: Equatable, Sendable {
    public let name: [UInt16]
    public let size: UInt64
    public let hash: SHA1Digest
    /// It replaces a file of the same name (case-insensitive) in `\Windows\System32`.
    public let replacesExisting: Bool

    public var nameText: String { String(decoding: name, as: UTF16.self) }
}
