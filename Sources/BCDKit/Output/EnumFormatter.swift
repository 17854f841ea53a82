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
        var out = ""
        out.reserveCapacity(objects.count * 512)
        for object in objects { append(object, to: &out) }
        return out
    }

    public func render(_ object: BCDObject) -> String {
        var out = ""
        append(object, to: &out)
        return out
    }

    private func append(_ object: BCDObject, to out: inout String) {
        let heading = bcdeditHeading(objectType: object.type.rawValue, guid: object.id.description)
        out += "\n"
        out += heading
        out += "\n"
        let width = heading.count
        out += width < Self.dashes.count ? Self.dashes[width] : String(repeating: "-", count: width)
        out += "\n"
        appendRow("identifier", [values.objectName(object.id)], to: &out)
        appendElements(of: object, to: &out)
    }

    /// Only the element rows, as bcdedit /dbgsettings, /hypervisorsettings and /emssettings
    /// show their settings object (no heading, no identifier).
    public func renderElements(of object: BCDObject) -> String {
        var out = ""
        appendElements(of: object, to: &out)
        return out
    }

    private func appendElements(of object: BCDObject, to out: inout String) {
        for element in object.elements {
            let name = ElementNames.name(for: element.type, in: object.type)
            appendRow(name, values.lines(for: element, in: object), to: &out)
        }
    }

    private static let padding = String(repeating: " ", count: nameWidth)
    /// Paddings and heading underlines by width, made once: cutting them from one long string
    /// walked its characters on every row.
    private static let paddings = (0...nameWidth).map { String(repeating: " ", count: $0) }
    private static let dashes = (0..<64).map { String(repeating: "-", count: $0) }

    /// Appended in place: building each row from temporaries was most of `enum`'s time.
    private func appendRow(_ name: String, _ lines: [String], to out: inout String) {
        let width = name.utf8.allSatisfy { $0 < 0x80 } ? name.utf8.count : name.count
        out += name
        out += width < Self.nameWidth ? Self.paddings[Self.nameWidth - width] : " "
        out += lines.first ?? ""
        out += "\n"
        for line in lines.dropFirst() {
            out += Self.padding
            out += line
            out += "\n"
        }
    }
}
