/// `bcdedit /enum` text: per object an empty line, the heading, a dash underline of the same
/// length, `identifier`, then the elements in id order; names padded to 24 columns, further
/// values of a list on their own lines indented 24 columns (docs/bcdedit-output.md).
public struct EnumFormatter {
    public static let nameWidth = 24
    let values: ValueFormatter

    public init(store: BCDStore, verbose: Bool) {
        values = ValueFormatter(store: store, verbose: verbose)
    }

    public func render(_ objects: [BCDObject]) -> String {
        String(decoding: renderUTF8(objects), as: UTF8.self)
    }

    /// The text as UTF-8 bytes, what `bcd enum` writes: built as bytes, a row's pieces are
    /// copied in, where appending them to a String was a fifth of the formatting's time.
    public func renderUTF8(_ objects: [BCDObject]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(objects.count * 512)
        for object in objects { append(object, to: &out) }
        return out
    }

    public func render(_ object: BCDObject) -> String {
        var out: [UInt8] = []
        append(object, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func append(_ object: BCDObject, to out: inout [UInt8]) {
        let heading = bcdeditHeading(objectType: object.type.rawValue, guid: object.id.description)
        out.append(Self.newline)
        out.append(contentsOf: heading.utf8)
        out.append(Self.newline)
        let width = heading.utf8.allSatisfy { $0 < 0x80 } ? heading.utf8.count : heading.count
        out.append(contentsOf: width <= Self.dashes.count ? Self.dashes[..<width] : Array(repeating: UInt8(ascii: "-"), count: width)[...])
        out.append(Self.newline)
        appendRow("identifier", [values.objectName(object.id)], to: &out)
        appendElements(of: object, to: &out)
    }

    /// Only the element rows, as bcdedit /dbgsettings, /hypervisorsettings and /emssettings
    /// show their settings object (no heading, no identifier).
    public func renderElements(of object: BCDObject) -> String {
        var out: [UInt8] = []
        appendElements(of: object, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func appendElements(of object: BCDObject, to out: inout [UInt8]) {
        for element in object.elements {
            let name = ElementNames.name(for: element.type, in: object.type)
            appendRow(name, values.lines(for: element, in: object), to: &out)
        }
    }

    private static let newline = UInt8(ascii: "\n")
    /// The name column's padding and heading underlines are copied from these (a repeated
    /// element is appended byte by byte).
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: nameWidth)
    private static let dashes = [UInt8](repeating: UInt8(ascii: "-"), count: 80)

    /// Appended in place: building each row from temporaries was most of `enum`'s time.
    /// The name column counts characters (an element name is ASCII; a non-ASCII one counts by
    /// Character, as bcdedit pads by character).
    private func appendRow(_ name: String, _ lines: [String], to out: inout [UInt8]) {
        let before = out.count
        out.append(contentsOf: name.utf8)
        let bytes = out.count - before
        let width = out[before...].allSatisfy { $0 < 0x80 } ? bytes : name.count
        out.append(contentsOf: Self.spaces[..<(width < Self.nameWidth ? Self.nameWidth - width : 1)])
        if let first = lines.first { out.append(contentsOf: first.utf8) }
        out.append(Self.newline)
        for line in lines.dropFirst() {
            out.append(contentsOf: Self.spaces)
            out.append(contentsOf: line.utf8)
            out.append(Self.newline)
        }
    }
}
