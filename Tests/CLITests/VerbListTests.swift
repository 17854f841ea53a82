import Foundation
import Testing

/// The bcdedit verb list and the batch help both come from the subcommand list (BCD.storeVerbs).
@Suite("bcdedit verbs") struct VerbListTests {
    static let bcdeditVerbs = [
        "createstore", "enum", "create", "copy", "delete", "set", "deletevalue", "displayorder",
        "toolsdisplayorder", "bootsequence", "default", "timeout", "export", "import",
        "debug", "bootdebug", "ems", "bootems", "event", "dbgsettings", "hypervisorsettings", "emssettings",
    ]
    static let editVerbs = bcdeditVerbs.filter { !["createstore", "enum", "export", "import"].contains($0) }

    @Test func everyBcdeditVerbTakesTheSlashSpelling() throws {
        for verb in Self.bcdeditVerbs {
            let result = try BCDRunner.bcd(["/" + verb.uppercased(), "--help"])
            #expect(result.status == 0, "/\(verb): \(result.stderr)")
            #expect(result.stdout.contains("bcd \(verb)"), "/\(verb) did not reach the verb")
        }
    }

    @Test func batchHelpListsTheEditVerbs() throws {
        let result = try BCDRunner.bcd(["batch", "--help"])
        #expect(result.status == 0)
        let text = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("(" + Self.editVerbs.joined(separator: ", ") + ")"), "\(text)")
    }
}
