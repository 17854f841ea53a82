/// Builds the patched view of a WIM with files injected into `\Windows\System32` of one image
/// (issue 20). Nothing of the WIM is copied: the original bytes are served in place. The new
/// metadata resource is the image's decompressed metadata unchanged except System32's
/// subdirectory offset (+16 of its dentry), which points at a new child list appended after
/// it: System32's other children copied byte for byte (their offsets still point into the
/// original part), the injected files' dentries among them in case-insensitive name order.
/// The XML data stays where it is, unchanged: its per-image file counts and byte totals are
/// informational (wimlib's info, dir, extract and verify accept them stale: 33-wim-inject).
extension WIMArchive {
    /// `files` go into image `index` (1-based); the patched header's boot index names it.
    /// Callers filter names with `WIMInjectionRule` first.
    public func injecting<F: ByteSource>(_ files: [WIMInjectedFile<F>], intoImage index: Int) throws(WIMInjectionError) -> WIMPatchedView {
        if info.compression == .lzms { throw .lzmsCompression }
        if info.hasSolidResources { throw .solidResources }
        for i in 0..<files.count {
            if let problem = WIMNameProblem.of(files[i].name) { throw .invalidName(files[i].name, problem) }
            for j in 0..<i where WIMName.equalIgnoringCase(files[j].name, files[i].name) { throw .duplicateName(files[i].name) }
        }
        let image: WIMImage
        let system32: WIMDirectoryEntry
        let children: [WIMDirectoryEntry]
        do throws(WIMError) {
            image = try self.image(index)
            var path: [UInt16] = []
            for byte in "\\Windows\\System32".utf8 { path.append(UInt16(byte)) }
            system32 = try image.lookup(utf16: path)
            children = system32.isDirectory ? try image.listDirectory(system32) : []
        } catch {
            if error == .pathNotFound || error == .notADirectory { throw .noSystem32 }
            throw .wim(error)
        }
        guard system32.isDirectory else { throw .noSystem32 }
        let metadata = image.parser.bytes
        // The files alone may already pass the limit: say so before reading (hashing) them.
        var atLeast = source.count
        for file in files {
            atLeast = atLeast &+ min(file.source.count, 1 << 40)
            guard atLeast <= UInt64(UInt32.max) else { throw .tooLarge(atLeast) }
        }

        // Hashes, and which existing children each file replaces.
        var hashes: [SHA1Digest] = []
        var replaced = [Bool](repeating: false, count: children.count)
        var infos: [WIMInjectedFileInfo] = []
        var securityIDs: [UInt32] = []
        for file in files {
            var hash = SHA1Digest.zero
            if file.source.count > 0 {
                guard let digest = SHA1Hasher.digest(of: file.source) else { throw .unreadableFile(file.name) }
                hash = digest
            }
            var replaces = false
            var security = WIMInjectedDentry.noSecurity
            for (c, child) in children.enumerated() where WIMName.equalIgnoringCase(child.nameUTF16, file.name) {
                if child.isDirectory { throw .replacesDirectory(file.name) }
                replaced[c] = true
                replaces = true
                security = metadata.le32(at: child.entryOffset + 12) ?? security
            }
            hashes.append(hash)
            securityIDs.append(security)
            infos.append(WIMInjectedFileInfo(name: file.name, size: file.source.count, hash: hash, replacesExisting: replaces))
        }

        // Reference count changes: +1 per injected file, -1 per stream of a replaced dentry.
        var deltas = ReferenceDeltas()
        for (c, child) in children.enumerated() where replaced[c] {
            for hash in image.parser.streamHashes(of: child) { deltas.add(hash, -1) }
        }
        for hash in hashes where !hash.isZero { deltas.add(hash, 1) }

        // New blobs: one per content not already in the WIM, in the order of the files.
        let wimSize = source.count
        var cursor = wimSize
        var newBlobs: [(file: Int, entry: BlobEntry)] = []
        for (i, hash) in hashes.enumerated() where !hash.isZero && blobs.find(hash) == nil {
            var seen = false
            for blob in newBlobs where blob.entry.hash == hash { seen = true; break }
            if seen { continue }
            let size = files[i].source.count
            let resource = ResourceHeader(sizeInWIM: size, flags: 0, offset: cursor, uncompressedSize: size)
            var references: UInt32 = 0  // the injected files with this content
            for other in hashes where other == hash { references += 1 }
            newBlobs.append((i, BlobEntry(resource: resource, partNumber: 1, referenceCount: references, hash: hash)))
            cursor += size
        }

        // The new child list, 8-aligned after the original metadata.
        let times = Array(metadata[(system32.entryOffset + 40)..<(system32.entryOffset + 64)])
        var injected: [(name: [UInt16], dentry: [UInt8])] = []
        for f in 0..<files.count {
            injected.append((files[f].name, WIMInjectedDentry.bytes(name: files[f].name, hash: hashes[f],
                                                                    securityID: securityIDs[f], times: times)))
        }
        let listStart = wimAlign8(metadata.count)
        let list = [UInt8](repeating: 0, count: listStart - metadata.count)
            + WIMChildList.bytes(metadata: metadata, kept: children.indices.filter { !replaced[$0] }.map { children[$0] }, injected: injected)
        var patch: [UInt8] = []
        patch.appendLE(UInt64(listStart))
        let patchAt = system32.entryOffset + 16
        var hasher = SHA1Hasher()
        metadata.withUnsafeBytes { whole in
            hasher.update(UnsafeRawBufferPointer(rebasing: whole[0..<patchAt]))
            hasher.update(patch)
            hasher.update(UnsafeRawBufferPointer(rebasing: whole[(patchAt + 8)..<metadata.count]))
        }
        hasher.update(list)
        let metadataSize = UInt64(metadata.count + list.count)
        let metadataResource = ResourceHeader(sizeInWIM: metadataSize, flags: ResourceHeader.flagMetadata,
                                              offset: cursor, uncompressedSize: metadataSize)
        let metadataHash = hasher.finish()
        cursor += metadataSize

        // The blob table: the original entries, image `index`'s metadata entry replaced and
        // reference counts adjusted, then the new blobs.
        var table: [UInt8]
        do throws(WIMError) { table = try readResource(blobTableResource) } catch { throw .wim(error) }
        let metadataEntry = BlobEntry(resource: metadataResource, partNumber: 1, referenceCount: 1, hash: metadataHash)
        WIMBlobTableRewrite.apply(to: &table, metadataOfImage: index, becomes: metadataEntry, deltas: deltas,
                                  appending: newBlobs.map { $0.entry })   // no key paths: Embedded Swift
        let tableResource = ResourceHeader(sizeInWIM: UInt64(table.count), flags: 0, offset: cursor, uncompressedSize: UInt64(table.count))
        cursor += UInt64(table.count)
        guard cursor <= UInt64(UInt32.max) else { throw .tooLarge(cursor) }

        // Header: blob table @48, boot metadata @96, boot index @120; integrity table @124 dropped.
        guard var header = source.bytes(at: 0, length: WIMHeader.byteCount) else { throw .wim(.truncated(.header)) }
        tableResource.put(into: &header, at: 48)
        metadataResource.put(into: &header, at: 96)
        header.putLE(UInt32(index), at: 120)
        for i in 124..<(124 + ResourceHeader.byteCount) { header[i] = 0 }

        var spans: [WIMPatchSpan] = []
        var position: UInt64 = 0
        func add(_ length: UInt64, _ content: WIMPatchSpan.Content) {
            guard length > 0 else { return }
            spans.append(WIMPatchSpan(start: position, length: length, content: content))
            position += length
        }
        add(UInt64(WIMHeader.byteCount), .memory(piece: 0, offset: 0))
        add(wimSize - UInt64(WIMHeader.byteCount), .wim(offset: UInt64(WIMHeader.byteCount)))
        for blob in newBlobs { add(blob.entry.resource.sizeInWIM, .file(index: blob.file, offset: 0)) }
        add(UInt64(patchAt), .memory(piece: 1, offset: 0))
        add(8, .memory(piece: 2, offset: 0))
        add(UInt64(metadata.count - patchAt - 8), .memory(piece: 1, offset: patchAt + 8))
        add(UInt64(list.count), .memory(piece: 3, offset: 0))
        add(UInt64(table.count), .memory(piece: 4, offset: 0))
        return WIMPatchedView(size: position, spans: spans, pieces: [header, metadata, patch, list, table],
                              imageIndex: index, files: infos)
    }
}
