/// Why a WIM cannot be served with files injected (issue 20). One line each, via `message`.
public enum WIMInjectionError: Error, Equatable, Sendable {
    /// Reading the WIM itself failed.
    case wim(WIMError)
    /// LZMS-compressed WIMs (.esd style): the loader cannot read them.
    case lzmsCompression
    /// WIMs with solid resources: the loader cannot read them.
    case solidResources
    /// The patched WIM would exceed 4 GiB - 1 bytes, the largest file on the FAT32 disk.
    case tooLarge(UInt64)
    case invalidName([UInt16], WIMNameProblem)
    /// Two injected files with the same name (case-insensitive).
    case duplicateName([UInt16])
    /// The image has no `\Windows\System32` directory.
    case noSystem32
    /// An injected name is a directory in `\Windows\System32`.
    case replacesDirectory([UInt16])
    /// Reading an injected file failed.
    case unreadableFile([UInt16])

    public var message: String {
        switch self {
        case .wim(let error): return error.message
        case .lzmsCompression: return "cannot inject files into an LZMS-compressed WIM (recapture with --compress=lzx or xpress)"
        case .solidResources: return "cannot inject files into a WIM with solid resources (recapture without --solid)"
        case .tooLarge: return "cannot inject files: the WIM with them would be over 4 GiB, the largest file on the FAT32 disk"
        case .invalidName(let name, let problem): return "cannot inject \"" + text(name) + "\": " + problem.reason
        case .duplicateName(let name): return "cannot inject \"" + text(name) + "\" twice (names are case-insensitive)"
        case .noSystem32: return "cannot inject files: the image has no \\Windows\\System32 directory"
        case .replacesDirectory(let name): return "cannot inject \"" + text(name) + "\": \\Windows\\System32\\" + text(name) + " is a directory in the image"
        case .unreadableFile(let name): return "cannot inject \"" + text(name) + "\": the file could not be read"
        }
    }

    private func text(_ name: [UInt16]) -> String { String(decoding: name, as: UTF16.self) }
}
