/// The patched WIM as a ByteSource, so BootCore's own reader (and the loader's disk) can read it.
public struct WIMPatchedSource<W: ByteSource, F: ByteSource>: ByteSource {
    public let view: WIMPatchedView
    public let wim: W
    public let files: [F]

    public init(view: WIMPatchedView, wim: W, files: [F]) {
        self.view = view
        self.wim = wim
        self.files = files
    }

    public var count: UInt64 { view.size }

    public func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        view.read(at: offset, into: buffer, wim: wim, files: files)
    }
}
