import Foundation
import Testing

/// `bcd enum` is parsed with EnumCommand as the root (BCD.directVerbs); whatever it is given, it
/// must answer as the verb under `bcd` does: the same help, errors, usage, version and output.
@Suite("direct verbs") struct DirectVerbTests {
    @Test func helpIsTheVerbsHelpUnderBcd() throws {
        let direct = try BCDRunner.bcd(["enum", "--help"])
        let viaHelp = try BCDRunner.bcd(["help", "enum"])
        #expect(direct.status == 0)
        #expect(direct.stdout == viaHelp.stdout)
        #expect(direct.stdout.contains("USAGE: bcd enum"))
        #expect(direct.stdout.contains("--version"), "the root's --version is listed, as under bcd")
        #expect(try BCDRunner.bcd(["enum", "-h"]).stdout == viaHelp.stdout)
    }

    @Test func errorsNameTheVerbUnderBcd() throws {
        let result = try BCDRunner.bcd(["enum", "--bogus"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: Unknown option '--bogus'"))
        #expect(result.stderr.contains("Usage: bcd enum "))
        #expect(result.stderr.contains("See 'bcd enum --help' for more information."), "\(result.stderr)")
    }

    @Test func versionAndStoreErrorsAsBefore() throws {
        let version = try BCDRunner.bcd(["enum", "--version"])
        #expect(version.status == 0)
        #expect(version.stdout == (try BCDRunner.bcd(["--version"])).stdout)
        let missing = try BCDRunner.bcd(["enum", "all", "--store", "/nonexistent/BCD"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/BCD"))
    }

    @Test func outputIsTheSameWhicheverSpelling() throws {
        let store = BCDRunner.fixtures.appendingPathComponent("win10-esp-BCD").path
        let plain = try BCDRunner.bcd(["enum", "all", "--store", store])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Windows Boot Manager"))
        let bcdedit = try BCDRunner.bcd(["/enum", "all", "/store", store])
        #expect(bcdedit.stdout == plain.stdout)
    }
}
