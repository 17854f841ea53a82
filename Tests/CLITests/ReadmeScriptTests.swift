import Foundation
import Testing

/// The README's ramdisk script, run as written, gives the README's `enum all` output and the
/// registry layout Windows uses.
@Suite struct ReadmeScriptTests {
    static func readmeBlock(after marker: String) throws -> String {
        let readme = try String(contentsOf: BCDRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let afterMarker = try #require(readme.range(of: marker)).upperBound
        let rest = readme[afterMarker...]
        let open = try #require(rest.range(of: "```"))
        let bodyStart = try #require(rest[open.upperBound...].firstIndex(of: "\n"))
        let close = try #require(rest[bodyStart...].range(of: "\n```"))
        return String(rest[rest.index(after: bodyStart)..<close.lowerBound]) + "\n"
    }

    @Test func ramdiskScriptBuildsTheDocumentedStore() throws {
        let directory = try BCDRunner.scratch()
        let binDirectory = URL(fileURLWithPath: BCDRunner.binary).deletingLastPathComponent().path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let script = BCDRunner.repositoryRoot.appendingPathComponent("scripts/ramdisk-store.sh").path
        let run = try BCDRunner.run("/bin/bash", [script, directory.path], environment: ["PATH": "\(binDirectory):\(path)"])
        #expect(run.status == 0, "\(run.stderr)")

        let store = directory.appendingPathComponent("BCD").path
        let enumOutput = try BCDRunner.bcd(["enum", "all", "--store", store])
        #expect(enumOutput.stdout == (try Self.readmeBlock(after: "<!-- ramdisk-enum -->")))

        // Registry layout: lower-case GUID keys, 8-hex-digit element keys, Windows' value types.
        let export = try BCDRunner.registryExport(store)
        #expect(export.contains("[\\Description]\n\"KeyName\"=hex(1):42,00,43,00,44,00,30,00,30,00,30,00,30,00,30,00,30,00,30,00,30,00,00,00"))
        #expect(export.contains("[\\Objects\\{ae5534e0-a924-466c-b836-758539a3ee3a}\\Description]\n\"Type\"=dword:30000000"))
        #expect(export.contains("[\\Objects\\{a4f89c62-2142-11e6-80b6-00155da04110}\\Description]\n\"Type\"=dword:10200003"))
        #expect(export.contains("[\\Objects\\{9dea862c-5cdd-4e70-acc1-f32b344d4795}\\Description]\n\"Type\"=dword:10100002"))
        // timeout: integer, REG_BINARY of 8 bytes
        #expect(export.contains("Elements\\25000004]\n\"Element\"=hex(3):1e,00,00,00,00,00,00,00"))
        // winpe: boolean, REG_BINARY of 1 byte
        #expect(export.contains("Elements\\26000022]\n\"Element\"=hex(3):01\n"))
        // displayorder: REG_MULTI_SZ; systemroot: REG_SZ
        #expect(export.contains("Elements\\24000001]\n\"Element\"=hex(7):"))
        #expect(export.contains("Elements\\22000002]\n\"Element\"=hex(1):5c,00,57,00"))
        // ramdisk device: REG_BINARY starting with {ramdiskoptions}
        #expect(export.contains("Elements\\11000001]\n\"Element\"=hex(3):e0,34,55,ae,24,a9,6c,46,b8,36,75,85,39,a3,ee,3a"))
        for key in export.matches(of: /\[\\Objects\\([^\\\]]+)/) {
            #expect(String(key.1) == String(key.1).lowercased())
        }
        for key in export.matches(of: /\\Elements\\([^\]]+)\]/) {
            #expect(key.1.count == 8 && key.1.allSatisfy { "0123456789abcdef".contains($0) })
        }
    }
}
