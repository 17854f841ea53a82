import CNcursesw
import Glibc

/// The real terminal through ncursesw's wide-character API. The only file that sees curses:
/// everything above it speaks Key, StyleRole and String.
public final class Terminal: Canvas {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var screen: OpaquePointer?
    private var attributes: [StyleRole: (attrs: UInt32, pair: Int16)] = [:]
    public private(set) var colorEnabled = false
    private var cursorVisible = false

    /// Starts curses on the controlling terminal. `useColor` false (NO_COLOR) draws with
    /// attributes only.
    public init(useColor: Bool) throws(Failure) {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw Failure(description: "bcd edit needs a terminal (standard input and output are not one)")
        }
        bcd_set_locale()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let created = bcd_newterm() else {
            throw Failure(description: "cannot use terminal type '\(term)' (TERM): no terminfo entry; try TERM=xterm-256color or TERM=linux")
        }
        screen = created
        set_term(created)
        raw()
        noecho()
        nonl()
        _ = bcd_keypad(1)
        set_escdelay(25)
        curs_set(0)
        colorEnabled = useColor && has_colors()
        if colorEnabled {
            start_color()
            use_default_colors()
        }
    }

    deinit { stop() }

    /// Leaves curses mode; safe to call twice.
    public func stop() {
        guard let current = screen else { return }
        curs_set(1)
        endwin()
        delscreen(current)
        screen = nil
    }

    public var rows: Int { Int(bcd_lines()) }
    public var columns: Int { Int(bcd_cols()) }

    /// Sets up colour pairs for a theme (attributes only when colour is off).
    public func apply(_ theme: Theme) {
        attributes = [:]
        let source = colorEnabled ? theme : Theme.attributesOnly
        let colors = Int(bcd_colors())
        var nextPair: Int16 = 1
        for role in StyleRole.allCases {
            let style = source.style(role)
            var attrs = bcd_attr_normal()
            if style.bold { attrs |= bcd_attr_bold() }
            if style.reverse { attrs |= bcd_attr_reverse() }
            if style.underline { attrs |= bcd_attr_underline() }
            if style.dim { attrs |= bcd_attr_dim() }
            var pair: Int16 = 0
            if colorEnabled, style.foreground != nil || style.background != nil, Int(nextPair) < Int(bcd_color_pairs()) {
                func fit(_ color: Int?) -> Int16 {
                    guard let color, color >= 0 else { return -1 }
                    if color < colors { return Int16(color) }
                    if color >= 8 && color < 16 {
                        attrs |= bcd_attr_bold()   // bright colours on 8-colour terminals
                        return Int16(color - 8)
                    }
                    return Int16(color % 8)
                }
                let fg = fit(style.foreground ?? -1), bg = fit(style.background ?? -1)
                init_pair(nextPair, fg, bg)
                pair = nextPair
                nextPair += 1
            }
            attributes[role] = (attrs, pair)
        }
        let normal = attributes[.normal] ?? (0, 0)
        _ = bcd_bkgd(normal.attrs, normal.pair)
    }

    public func clear() { _ = bcd_erase() }

    public func put(_ text: String, row: Int, column: Int, style: StyleRole) {
        guard !text.isEmpty, row >= 0, row < rows, column >= 0, column < columns else { return }
        let look = attributes[style] ?? (0, 0)
        _ = bcd_set_attr(look.attrs, look.pair)
        var wide: [wchar_t] = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let count = Int32(wide.count)
        wide.append(0)
        _ = wide.withUnsafeBufferPointer { bcd_put(Int32(row), Int32(column), $0.baseAddress, count) }
    }

    public func setCursor(_ position: (row: Int, column: Int)?) {
        if let position {
            _ = bcd_move(Int32(position.row), Int32(position.column))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
    }

    /// Shows what was drawn.
    public func present(cursor: (row: Int, column: Int)?) {
        if let cursor { _ = bcd_move(Int32(cursor.row), Int32(cursor.column)) }
        _ = bcd_refresh()
    }

    /// Waits for a key (nil on timeout or an unknown code).
    public func readKey() -> Key? {
        var code: UInt32 = 0
        let result = bcd_get_wch(&code)
        if result == KEY_CODE_YES { return Self.key(forCode: Int32(code)) }
        if result == ERR { return nil }
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
