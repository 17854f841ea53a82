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
        objects.map(render).joined()
    }

    public func render(_ object: BCDObject) -> String {
        let heading = bcdeditHeading(objectType: object.type.rawValue, guid: object.id.description)
        var out = "\n\(heading)\n\(String(repeating: "-", count: heading.count))\n"
        out += row("identifier", [values.objectName(object.id)])
        return out + renderElements(of: object)
    }

    /// Only the element rows, as bcdedit /dbgsettings, /hypervisorsettings and /emssettings
    /// show their settings object (no heading, no identifier).
    public func renderElements(of object: BCDObject) -> String {
        var out = ""
        for element in object.elements {
            let name = ElementNames.name(for: element.type, in: object.type)
            out += row(name, values.lines(for: element, in: object))
        }
        return out
    }

    private func row(_ name: String, _ lines: [String]) -> String {
        let padded = name.count < Self.nameWidth ? name + String(repeating: " ", count: Self.nameWidth - name.count) : name + " "
        var out = padded + (lines.first ?? "") + "\n"
        for line in lines.dropFirst() { out += String(repeating: " ", count: Self.nameWidth) + line + "\n" }
        return out
    }
}
