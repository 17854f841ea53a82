/// The text screen a serial console shows: a grid of cells, fed with the byte stream the
/// firmware sends (OVMF's terminal driver turns ConOut calls into a VT100/ANSI subset), or
/// filled from VGA text memory. Readers look at what is on the screen, not at the stream:
/// the Windows Boot Manager draws its screens by cursor addressing, not line by line.
///
/// Handled: printable text with auto-wrap at the last column and scrolling at the last row;
/// CR, LF (as CR LF: newline mode), BS, TAB; CSI `row;colH`/`f` (1-based), `A`/`B`/`C`/`D`, `J` and `K` (0, 1, 2), SGR
/// `m` (0 reset, 1 bold, 7 inverse, 22, 27, 30–37/39 and 40–47/49 colours); other CSI sequences
/// (`ESC[=3h` mode sets, `ESC[?25l`) and two-byte escapes (`ESC ( B`, `ESC c`) change nothing.
/// Absolute positions past the grid's size grow it (a console mode larger than 80x25).
public struct ConsoleScreen: Sendable, Equatable {
    public struct Style: Sendable, Equatable {
        /// ANSI colour numbers 0–7 (black, red, green, yellow, blue, magenta, cyan, white).
        public var foreground: UInt8 = 7
        public var background: UInt8 = 0
        public var bold = false

        public init(foreground: UInt8 = 7, background: UInt8 = 0, bold: Bool = false) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
        }
    }

    public struct Cell: Sendable, Equatable {
        public var character: Unicode.Scalar = " "
        public var style = Style()
    }

    public private(set) var columns: Int
    public private(set) var rows: Int
    public private(set) var cells: [[Cell]]
    /// 0-based cursor position.
    public private(set) var row = 0
    public private(set) var column = 0
    private var style = Style()
    /// The last write filled the last column: the next printable character wraps first (VT100).
    private var pendingWrap = false
    private var parser = EscapeParser()

    /// Largest grid a stream can ask for by cursor addressing.
    static let maximumSide = 256

    public init(columns: Int = 80, rows: Int = 25) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        cells = Array(repeating: Array(repeating: Cell(), count: self.columns), count: self.rows)
    }

    /// The screen after `stream` (a serial log; UTF-8, invalid bytes replaced).
    public init(stream: String, columns: Int = 80, rows: Int = 25) {
        self.init(columns: columns, rows: rows)
        feed(stream)
    }

    public mutating func feed(_ text: String) {
        for scalar in text.unicodeScalars { feed(scalar) }
    }

    public mutating func feed(_ scalar: Unicode.Scalar) {
        switch parser.consume(scalar) {
        case .pending: return
        case .text(let c): put(c)
        case .control(let c): control(c)
        case .csi(let final, let parameters, let privateMarker):
            if !privateMarker { csi(final, parameters) }
        }
    }

    // MARK: Reading

    /// The text of row `r`, trailing blanks removed.
    public func line(_ r: Int) -> String {
        var s = String.UnicodeScalarView()
        for cell in cells[r] { s.append(cell.character) }
        var text = String(s)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every row's text, trailing blank rows removed.
    public var lines: [String] {
        var all = (0..<rows).map(line)
        while all.last?.isEmpty == true { all.removeLast() }
        return all
    }

    // MARK: Writing

    private mutating func put(_ c: Unicode.Scalar) {
        if pendingWrap {
            pendingWrap = false
            column = 0
            lineFeed()
        }
        cells[row][column] = Cell(character: c, style: style)
        if column == columns - 1 { pendingWrap = true } else { column += 1 }
    }

    private mutating func control(_ c: Unicode.Scalar) {
        switch c {
        case "\r": column = 0; pendingWrap = false
        case "\n": column = 0; lineFeed()   // newline mode: logs written with bare LF read as lines
        case "\u{08}": if column > 0 { column -= 1 }; pendingWrap = false
        case "\t": column = min(columns - 1, (column / 8 + 1) * 8); pendingWrap = false
        default: break
        }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if row == rows - 1 {
            cells.removeFirst()
            cells.append(blankRow())
        } else {
            row += 1
        }
    }

    private func blankRow() -> [Cell] {
        Array(repeating: Cell(character: " ", style: Style(background: style.background)), count: columns)
    }

    private mutating func csi(_ final: Unicode.Scalar, _ p: [Int]) {
        func arg(_ i: Int, _ fallback: Int) -> Int { i < p.count && p[i] > 0 ? p[i] : fallback }
        switch final {
        case "H", "f":
            moveTo(row: arg(0, 1) - 1, column: arg(1, 1) - 1)
        case "A": row = max(0, row - arg(0, 1)); pendingWrap = false
        case "B": row = min(rows - 1, row + arg(0, 1)); pendingWrap = false
        case "C": column = min(columns - 1, column + arg(0, 1)); pendingWrap = false
        case "D": column = max(0, column - arg(0, 1)); pendingWrap = false
        case "J": eraseDisplay(p.first ?? 0)
        case "K": eraseLine(p.first ?? 0)
        case "m": select(p.isEmpty ? [0] : p)
        default: break
        }
    }

    private mutating func moveTo(row r: Int, column c: Int) {
        grow(rows: min(r + 1, Self.maximumSide), columns: min(c + 1, Self.maximumSide))
        row = min(max(0, r), rows - 1)
        column = min(max(0, c), columns - 1)
        pendingWrap = false
    }

    private mutating func grow(rows newRows: Int, columns newColumns: Int) {
        if newColumns > columns {
            for r in 0..<rows { cells[r] += Array(repeating: Cell(), count: newColumns - columns) }
            columns = newColumns
        }
        if newRows > rows {
            cells += Array(repeating: Array(repeating: Cell(), count: columns), count: newRows - rows)
            rows = newRows
        }
    }

    private mutating func eraseDisplay(_ mode: Int) {
        switch mode {
        case 0:
            eraseLine(0)
            for r in (row + 1)..<max(row + 1, rows) { cells[r] = blankRow() }
        case 1:
            for r in 0..<row { cells[r] = blankRow() }
            eraseLine(1)
        default:
            for r in 0..<rows { cells[r] = blankRow() }
        }
    }

    private mutating func eraseLine(_ mode: Int) {
        let blank = Cell(character: " ", style: Style(background: style.background))
        let range: Range<Int>
        switch mode {
        case 0: range = column..<columns
        case 1: range = 0..<(column + 1)
        default: range = 0..<columns
        }
        for c in range { cells[row][c] = blank }
    }

    private mutating func select(_ parameters: [Int]) {
        for p in parameters {
            switch p {
            case 0: style = Style()
            case 1: style.bold = true
            case 22: style.bold = false
            case 7, 27: swap(&style.foreground, &style.background)
            case 30...37: style.foreground = UInt8(p - 30)
            case 39: style.foreground = 7
            case 40...47: style.background = UInt8(p - 40)
            case 49: style.background = 0
            default: break
            }
        }
    }
}

/// Splits a console stream into text, control characters and CSI sequences.
struct EscapeParser: Sendable, Equatable {
    enum Token: Equatable {
        case pending
        case text(Unicode.Scalar)
        case control(Unicode.Scalar)
        /// `ESC [` parameters final; `privateMarker` for `ESC[=…` / `ESC[?…` (modes, not drawing).
        case csi(Unicode.Scalar, [Int], privateMarker: Bool)
    }

    private enum State: Equatable { case ground, escape, charset, csi }
    private var state = State.ground
    private var parameters: [Int] = []
    private var current: Int?
    private var privateMarker = false

    mutating func consume(_ c: Unicode.Scalar) -> Token {
        switch state {
        case .ground:
            if c == "\u{1B}" { state = .escape; return .pending }
            if c.value < 0x20 || c.value == 0x7F { return .control(c) }
            return .text(c)
        case .escape:
            switch c {
            case "[":
                state = .csi
                parameters = []
                current = nil
                privateMarker = false
            case "(", ")": state = .charset
            default: state = .ground
            }
            return .pending
        case .charset:
            state = .ground
            return .pending
        case .csi:
            switch c.value {
            case 0x30...0x39:
                current = (current ?? 0) * 10 + Int(c.value - 0x30)
                if current! > 9999 { current = 9999 }
            case 0x3B:   // ';'
                parameters.append(current ?? 0)
                current = nil
            case 0x3C...0x3F:   // '<' '=' '>' '?': private parameter prefix
                privateMarker = true
            case 0x40...0x7E:
                if let current { parameters.append(current) }
                state = .ground
                return .csi(c, parameters, privateMarker: privateMarker)
            case 0x1B:
                state = .escape   // an interrupted sequence: start over
            default:
                break   // intermediates: ignored
            }
            return .pending
        }
    }
}

extension ConsoleScreen {
    /// VGA text memory (character byte, attribute byte per cell; row-major), as a BIOS boot
    /// manager leaves it at 0xB8000. Attribute: bits 0–2 foreground, 3 intensity, 4–6
    /// background (VGA colour order: black, blue, green, cyan, red, magenta, brown, grey).
    /// Characters are code page 437, the VGA font's (CodePage437).
    public init(vgaText bytes: [UInt8], columns: Int = 80) {
        let rowCount = max(1, bytes.count / (2 * columns))
        self.init(columns: columns, rows: rowCount)
        let ansi: [UInt8] = [0, 4, 2, 6, 1, 5, 3, 7]
        for r in 0..<rowCount {
            for c in 0..<columns {
                let i = 2 * (r * columns + c)
                guard i + 1 < bytes.count else { continue }
                let ch = bytes[i], attribute = bytes[i + 1]
                let scalar = CodePage437.scalar(ch)
                let style = Style(foreground: ansi[Int(attribute & 7)], background: ansi[Int((attribute >> 4) & 7)],
                                  bold: attribute & 8 != 0)
                setCell(row: r, column: c, Cell(character: scalar, style: style))
            }
        }
    }

    private mutating func setCell(row r: Int, column c: Int, _ cell: Cell) {
        cells[r][c] = cell
    }
}
