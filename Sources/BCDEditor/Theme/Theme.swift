/// How one role looks: colours (terminal colour numbers, -1 for the terminal's default)
/// and attributes. A style with no colours is drawn with attributes only.
public struct ThemeStyle: Hashable, Sendable {
    public var foreground: Int?
    public var background: Int?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: Int? = nil, background: Int? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// A colour theme: a style per role, read from a TOML file (Themes/*.toml).
public struct Theme: Sendable {
    public var name: String
    public var styles: [StyleRole: ThemeStyle]

    public init(name: String, styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> ThemeStyle {
        styles[role] ?? styles[.normal] ?? ThemeStyle()
    }

    /// Used without colour (NO_COLOR, monochrome terminals) whatever the theme says:
    /// selection and bars stay visible through reverse video and bold.
    public static let attributesOnly = Theme(name: "monochrome", styles: [
        .normal: ThemeStyle(),
        .title: ThemeStyle(bold: true, reverse: true),
        .heading: ThemeStyle(bold: true, underline: true),
        .selected: ThemeStyle(bold: true, reverse: true),
        .selectedInactive: ThemeStyle(underline: true),
        .dim: ThemeStyle(dim: true),
        .status: ThemeStyle(reverse: true),
        .dirty: ThemeStyle(bold: true, reverse: true),
        .error: ThemeStyle(bold: true),
        .message: ThemeStyle(),
        .key: ThemeStyle(bold: true),
        .dialog: ThemeStyle(),
        .dialogTitle: ThemeStyle(bold: true, reverse: true),
        .border: ThemeStyle(),
        .placeholder: ThemeStyle(dim: true),
    ])
}
