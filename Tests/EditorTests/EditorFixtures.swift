import BCDKit
import Foundation
@testable import BCDEditor

/// Fixture stores (copied before use: the originals are never written) and helpers.
enum EditorFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repositoryRoot.appendingPathComponent("../shared/fixtures/bcd").standardizedFileURL

    /// A fresh scratch directory.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bcd-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Copies a fixture into a scratch directory (mode 0644) and returns the copy's path.
    static func copy(_ name: String, to directory: URL? = nil) throws -> String {
        let target = try (directory ?? scratch()).appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
        return target.path
    }

    static func state(_ name: String = "win10-esp-BCD") throws -> EditorState {
        EditorState(file: try StoreFile.open(try copy(name)), themeNames: ["default-dark", "light"])
    }

    static let windows10 = BCDGUID("347518e1-f3cc-11ea-911e-c7eaa7d84b6c")!
    static let memdiag = BCDGUID("b2721d73-1db4-4c62-bf78-c548a880142d")!
}

extension EditorState {
    mutating func press(_ keys: Key...) { for key in keys { handle(key) } }
    mutating func type(_ text: String) { for c in text { handle(.character(c)) } }

    /// Selects an element of the current object by its bcdedit name.
    mutating func selectElement(named name: String) -> Bool {
        guard let object = currentObject,
              let index = object.elements.firstIndex(where: { ElementNames.name(for: $0.type, in: object.type) == name }) else { return false }
        focus = .elements
        selectedElement = index
        return true
    }

    func render(rows: Int = 40, columns: Int = 120) -> String {
        var canvas = TextCanvas(rows: rows, columns: columns)
        Renderer().render(self, on: &canvas)
        return canvas.text
    }
}
