/// One file to show on the virtual disk: its long name and where its bytes come from.
/// The size is the source's size; bytes are read only when a sector of the file is asked for.
public struct VirtualFatFile<Source: ByteSource> {
    /// The long name as bytes (ASCII; checked when the disk is built). The loader passes bytes,
    /// so the disk's layout needs no String code.
    public let nameBytes: [UInt8]
    public let source: Source
    public init(nameBytes: [UInt8], source: Source) {
        self.nameBytes = nameBytes
        self.source = source
    }
    public init(name: String, source: Source) {
        self.init(nameBytes: Array(name.utf8), source: source)
    }
    public var name: String { String(decoding: nameBytes, as: UTF8.self) }
    public var size: UInt64 { source.count }
}
