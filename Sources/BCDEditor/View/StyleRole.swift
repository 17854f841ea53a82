/// What a piece of the screen is; a theme says how each role looks.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal, title, heading, selected, selectedInactive, dim, status, dirty, error, message
    case key, dialog, dialogTitle, border, placeholder
}
