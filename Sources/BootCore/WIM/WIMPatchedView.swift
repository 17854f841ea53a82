/// One contiguous run of a patched WIM's bytes and where they come from.
public struct WIMPatchSpan: Equatable, Sendable {
    public enum Content: Equatable, Sendable {
        /// The original WIM's bytes from `offset` (served in place).
        case wim(offset: UInt64)
        /// Injected file `index`'s bytes from `offset` (its blob, stored uncompressed).
        case file(index: Int, offset: UInt64)
        /// The view's in-memory piece `piece` from `offset` (header, metadata, blob table).
        case memory(piece: Int, offset: Int)
    }

    /// Offset in the patched WIM.
    public let start: UInt64
    /// Never 0.
    public let length: UInt64
    public let content: Content
}

/// A WIM with files injected into one image, as spans over the original WIM, the injected
/// files and a few in-memory pieces (built by `WIMArchive.injecting`). Layout: a new
/// 208-byte header, the original bytes 208..<end in place, then the new files' blobs, the new
/// metadata resource and the new blob table, all uncompressed.
public struct WIMPatchedView: Sendable {
    public let size: UInt64
    /// In order, back to back from 0 to `size`.
    public let spans: [WIMPatchSpan]
    /// The bytes `.memory` spans refer to.
    public let pieces: [[UInt8]]
    /// The image the files went into; the header's boot index names it.
    public let imageIndex: Int
    /// One per injected file, in the order given.
    public let files: [WIMInjectedFileInfo]

    /// Copies `buffer.count` bytes from `offset` of the patched WIM into `buffer`; false when the
    /// range is outside it or a source read fails. `files` are the injected files' sources, in order.
    public func read<W: ByteSource, F: ByteSource>(
        at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer, wim: W, files sources: [F]
    ) -> Bool {
        guard offset <= size, UInt64(buffer.count) <= size - offset else { return false }
        if buffer.isEmpty { return true }
        // The last span starting at or before `offset`.
        var low = 0, high = spans.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if spans[mid].start <= offset { low = mid } else { high = mid }
        }
        var index = low, done = 0, position = offset
        while done < buffer.count {
            guard index < spans.count else { return false }
            let span = spans[index]
            let inSpan = position - span.start
            let take = Int(min(span.length - inSpan, UInt64(buffer.count - done)))
            let destination = UnsafeMutableRawBufferPointer(rebasing: buffer[done..<(done + take)])
            switch span.content {
            case .wim(let from):
                guard wim.read(at: from + inSpan, into: destination) else { return false }
            case .file(let file, let from):
                guard file >= 0, file < sources.count, sources[file].read(at: from + inSpan, into: destination) else { return false }
            case .memory(let piece, let from):
                let start = from + Int(inSpan)
                guard piece >= 0, piece < pieces.count, start + take <= pieces[piece].count else { return false }
                pieces[piece].withUnsafeBytes { whole in
                    destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: whole[start..<(start + take)]))
                }
            }
            done += take
            position += UInt64(take)
            index += 1
        }
        return true
    }
}
