import BCDKit

/// The elements pane's text for one object: bcdedit names and values, or (raw view) hex ids,
/// value formats, registry types and bytes.
public enum ElementLines {
    public static let nameWidth = 24

    public static func lines(for element: BCDElement, in object: BCDObject, store: BCDStore, defaultObject: BCDGUID?,
                             raw: Bool, width: Int) -> [String] {
        if raw {
            let format = element.type.format?.name ?? "unknown format"
            let registry = element.raw.type.map { "\($0)" } ?? "type \(element.raw.typeTag)"
            let head = "0x\(element.type.keyName)  \(format) (\(registry), \(element.raw.data.count) bytes)"
            let perLine = max(4, (width - 4) / 3)
            var out = [head]
            let bytes = element.raw.data
            var index = 0
            while index < bytes.count && out.count < 9 {
                out.append("    " + hexBytes(Array(bytes[index..<min(bytes.count, index + perLine)])))
                index += perLine
            }
            if index < bytes.count { out.append("    …") }
            return out
        }
        let name = ElementNames.name(for: element.type, in: object.type)
        let values: [String]
        // Object lists can be long (a 1,000-entry displayorder): name them without a store
        // lookup per entry, as ValueFormatter would.
        if case .objectList(let ids)? = element.value, !ids.isEmpty {
            values = ids.map { $0 == defaultObject ? "{default}" : ObjectNames.alias(for: $0) ?? $0.braced }
        } else {
            values = ValueFormatter(store: store, verbose: false).lines(for: element, in: object)
        }
        let padded = name.count < nameWidth ? name + String(repeating: " ", count: nameWidth - name.count) : name + " "
        let room = max(8, width - nameWidth)
        var out: [String] = []
        for (index, value) in values.enumerated() {
            for (part, piece) in wrap(value, width: room).enumerated() {
                out.append((index == 0 && part == 0 ? padded : String(repeating: " ", count: nameWidth)) + piece)
            }
        }
        return out.isEmpty ? [padded] : out
    }

    /// Splits a long value into pieces of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        repeat {
            var piece = TextWidth.clip(String(rest), to: width)
            // Break after a separator (\ , : -) rather than in the middle of a name.
            if piece.count < rest.count, let cut = piece.lastIndex(where: { "\\,:-".contains($0) }),
               piece.distance(from: piece.startIndex, to: cut) >= piece.count / 2 {
                piece = String(piece[...cut])
            }
            pieces.append(piece)
            rest = rest.dropFirst(max(1, piece.count))
        } while !rest.isEmpty && pieces.count < 8
        return pieces
    }
}
