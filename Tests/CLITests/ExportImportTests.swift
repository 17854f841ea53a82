import Foundation
import Testing

@Suite struct ExportImportTests {
    @Test func exportCopiesAndImportReplacesTheContent() throws {
        let directory = try BCDRunner.scratch()
        let source = try BCDRunner.copyFixture("win10-esp-BCD", to: directory)
        let target = try BCDRunner.copyFixture("pybcd-BCDfresh", to: directory)
        let exported = directory.appendingPathComponent("exported").path

        #expect(try BCDRunner.bcd(["export", "--store", source, exported]).status == 0)
        #expect(try BCDRunner.contents(exported) == (try BCDRunner.contents(source)))
        let again = try BCDRunner.bcd(["export", "--store", source, exported])
        #expect(again.status != 0 && again.stderr.contains("already exists"))

        let targetBefore = try BCDRunner.contents(target)
        #expect(try BCDRunner.bcd(["import", "--store", target, exported]).status == 0)
        let listing = { (path: String) in try BCDRunner.bcd(["enum", "all", "-v", "--store", path]).stdout }
        #expect(try listing(target) == (try listing(source)))
        #expect(try BCDRunner.contents(target + ".bak") == targetBefore)
    }

    @Test func importOfANonStoreChangesNothing() throws {
        let directory = try BCDRunner.scratch()
        let target = try BCDRunner.copyFixture("pybcd-BCDfresh", to: directory)
        let before = try BCDRunner.contents(target)
        let log = BCDRunner.fixtures.appendingPathComponent("transaction-log-not-a-hive").path
        let result = try BCDRunner.bcd(["import", "--store", target, log])
        #expect(result.status != 0)
        #expect(result.stderr.contains("transaction log"))
        #expect(try BCDRunner.contents(target) == before)
    }
}
