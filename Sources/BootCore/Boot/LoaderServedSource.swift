/// Where the bytes of one file on the loader's virtual disk come from: one of its inputs as
/// it is, or the WIM with the loose files injected (LoaderInjection), read span by span.
public enum LoaderServedSource<Input: ByteSource>: ByteSource {
    case input(Input)
    case patchedWIM(WIMPatchedSource<Input, Input>)

    public var count: UInt64 {
        switch self {
        case .input(let input): return input.count
        case .patchedWIM(let wim): return wim.count
        }
    }

    public func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        switch self {
        case .input(let input): return input.read(at: offset, into: buffer)
        case .patchedWIM(let wim): return wim.read(at: offset, into: buffer)
        }
    }
}
