import ArgumentParser
import BCDKit
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Apply a script of edits to a store atomically: all of them, saved once, or none.",
        discussion: """
        Each line is one edit verb as on the command line (\(BCD.editVerbNames.joined(separator: ", "))), \
        optionally starting with `bcd`; `--store` on a line is ignored. Quote with '...' or "..."; backslashes are literal. Blank lines and lines starting with # are skipped.
        """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The script file; standard input when omitted or -.") var script: String?

    func run() throws {
        try reportingErrors {
            let text: String
            if let script, script != "-" {
                text = try String(contentsOfFile: script, encoding: .utf8)
            } else {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            }
            var count = 0
            try options.edit { store in
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                    do {
                        try Self.command(from: trimmed).apply(to: &store)
                        count += 1
                    } catch {
                        throw CLIFailure("line \(index + 1): \(Self.message(for: error)); nothing was saved")
                    }
                }
            }
            print("\(count) edits applied. \(operationCompleted)")
        }
    }

    static func command(from line: String) throws -> any StoreEditCommand {
        var words = try ShellWords.split(line)
        if words.first == "bcd" { words.removeFirst() }
        if let at = words.firstIndex(where: { $0 == "--store" || $0.lowercased() == "/store" }), at + 1 < words.count {
            words.removeSubrange(at...(at + 1))
        }
        let parsed = try BCD.parseAsRoot(BcdeditArguments.normalize(words))
        guard let edit = parsed as? any StoreEditCommand else {
            throw CLIFailure("'\(words.first ?? "")' is not an edit verb")
        }
        return edit
    }

    static func message(for error: Error) -> String {
        if let failure = error as? CLIFailure { return failure.description }
        if error is EditError || error is StoreError { return String(describing: error) }
        return BCD.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}

/// Splits a line into words: '...' is literal, "..." is literal except \" and \\,
/// and a backslash outside quotes is an ordinary character (BCD paths are full of them).
enum ShellWords {
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = Array(line).makeIterator()
        while let c = iterator.next() {
            if let q = quote {
                if c == q { quote = nil; continue }
                if q == "\"" && c == "\\" {
                    if let next = iterator.next() {
                        current += (next == "\"" || next == "\\") ? String(next) : "\\" + String(next)
                    } else { current += "\\" }
                    continue
                }
                current.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        guard quote == nil else { throw CLIFailure("unterminated quote") }
        if inWord { words.append(current) }
        return words
    }
}
