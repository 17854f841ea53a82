/// Where the view draws: the real terminal, or a text grid in tests.
public protocol Canvas {
    var rows: Int { get }
    var columns: Int { get }
    mutating func clear()
    /// Draws `text` at a cell; the caller has already clipped it to fit.
    mutating func put(_ text: String, row: Int, column: Int, style: StyleRole)
    /// Shows the text cursor there, or hides it (nil).
    mutating func setCursor(_ position: (row: Int, column: Int)?)
}

/// A canvas that keeps characters only: the view's output as lines of text.
public struct TextCanvas: Canvas {
    public let rows: Int
    public let columns: Int
    private var cells: [[String]]
    public private(set) var cursor: (row: Int, column: Int)?

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    public mutating func clear() {
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    public mutating func put(_ text: String, row: Int, column: Int, style: StyleRole) {
        guard row >= 0, row < rows else { return }
        var col = column
        for character in text {
            let width = TextWidth.of(character)
            guard col + max(width, 1) <= columns, col >= 0 else { break }
            cells[row][col] = String(character)
            if width == 2 { cells[row][col + 1] = "" }
            col += max(width, 1)
        }
    }

    public mutating func setCursor(_ position: (row: Int, column: Int)?) { cursor = position }

    public var lines: [String] {
        cells.map { $0.joined().replacingTrailingSpaces() }
    }

    public var text: String { lines.joined(separator: "\n") }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
