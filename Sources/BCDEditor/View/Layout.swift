/// Where the panes go for a terminal size.
public struct Layout: Equatable, Sendable {
    public static let minimumRows = 12
    public static let minimumColumns = 60

    public let rows: Int
    public let columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    public var isTooSmall: Bool { rows < Self.minimumRows || columns < Self.minimumColumns }
    public var objectsWidth: Int { min(max(30, columns * 2 / 5), 64) }
    public var elementsColumn: Int { objectsWidth + 1 }
    public var elementsWidth: Int { columns - elementsColumn }
    /// Rows between the title bar and the two bottom lines.
    public var paneTop: Int { 1 }
    public var paneHeight: Int { rows - 3 }
    public var messageRow: Int { rows - 2 }
    public var statusRow: Int { rows - 1 }
}
