import BCDCheck
import Foundation
@testable import BCDBoot

/// A fresh temporary directory for one test; `remove()` it in a `defer`.
struct ScratchDirectory {
    let path: String

    init(_ label: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("bcdboot-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` (UTF-8) to `name` inside the directory and returns the file's path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// What the staging tests stage: a fake loader ("loader") and one WIM served as boot.wim ("wim").
    func stagingInputs() throws -> (loader: String, files: [ServedFile]) {
        let loader = try write("loader", to: "fake-loader.efi")
        return (loader, [ServedFile(name: "boot.wim", path: try write("wim", to: "w.wim"))])
    }
}
