import TOMLKit

/// Reads a theme file with TOMLKit:
///
///     name = "default-dark"
///     [styles]
///     normal   = { fg = "default", bg = "default" }
///     selected = { fg = "black", bg = "cyan", bold = true }
///
/// Colours: black, red, green, yellow, blue, magenta, cyan, white, their bright- forms,
/// default, or a number 0-255. Attributes: bold, reverse, underline, dim.
public enum ThemeParser {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    public static func parse(_ text: String, fallbackName: String) throws(Failure) -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw Failure(description: "\(fallbackName): not valid TOML (\(error))")
        }
        let name = table["name"]?.string ?? fallbackName
        var styles: [StyleRole: ThemeStyle] = [:]
        guard let styleTable = table["styles"]?.table else {
            throw Failure(description: "\(name): no [styles] table")
        }
        for key in styleTable.keys {
            guard let role = StyleRole(rawValue: key) else {
                throw Failure(description: "\(name): unknown style '\(key)' (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let entry = styleTable[key]?.table else { throw Failure(description: "\(name): style '\(key)' is not a table") }
            var style = ThemeStyle()
            if let fg = entry["fg"] { style.foreground = try color(fg, theme: name, role: key) }
            if let bg = entry["bg"] { style.background = try color(bg, theme: name, role: key) }
            style.bold = entry["bold"]?.bool ?? false
            style.reverse = entry["reverse"]?.bool ?? false
            style.underline = entry["underline"]?.bool ?? false
            style.dim = entry["dim"]?.bool ?? false
            styles[role] = style
        }
        return Theme(name: name, styles: styles)
    }

    private static func color(_ value: TOMLValueConvertible, theme: String, role: String) throws(Failure) -> Int {
        if let number = value.int, (0...255).contains(number) { return number }
        if let text = value.string?.lowercased() {
            if text == "default" { return -1 }
            if let index = colorNames.firstIndex(of: text) { return index }
            if text.hasPrefix("bright-"), let index = colorNames.firstIndex(of: String(text.dropFirst(7))) { return index + 8 }
        }
        throw Failure(description: "\(theme): style '\(role)': unknown colour \(value) (use a name such as cyan, bright-white, default, or 0-255)")
    }
}
