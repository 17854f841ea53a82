/// One file to show on the virtual disk: its long name and where its bytes come from.
/// The size is the source's size; bytes are read only when a sector of the file is asked for.
public struct VirtualFatFile<Source: ByteSource> {
    public let name: String
    public let source: Source
    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }
    public var size: UInt64 { source.count }
}
