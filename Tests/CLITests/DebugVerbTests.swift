import Foundation
import Testing

/// bcdedit's debugging and EMS verbs: /debug /bootdebug /ems /bootems /event (on/off switches)
/// and /dbgsettings /hypervisorsettings /emssettings (transport settings objects).
@Suite struct DebugVerbTests {
    func store(_ fixture: String = "win10-esp-BCD") throws -> String {
        try BCDRunner.copyFixture(fixture, to: try BCDRunner.scratch())
    }

    func enumerate(_ what: String, _ store: String) throws -> String {
        let result = try BCDRunner.bcd(["enum", what, "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The row `name value` of an enum listing, with its value.
    func row(_ name: String, in listing: String) -> String? {
        listing.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map { String($0.dropFirst(name.count)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func switchesSetTheirBooleanOnTheDefaultEntryOrTheNamedOne() throws {
        let path = try store()
        for arguments in [["debug", "on"], ["ems", "ON"], ["event", "{default}", "on"], ["/bootdebug", "{bootmgr}", "on"], ["bootems", "{bootmgr}", "off"]] {
            let result = try BCDRunner.bcd(arguments + ["--store", path])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout == "The operation completed successfully.\n")
        }
        let loader = try enumerate("{default}", path)
        #expect(row("debug", in: loader) == "Yes")
        #expect(row("ems", in: loader) == "Yes")
        #expect(row("event", in: loader) == "Yes")
        let manager = try enumerate("{bootmgr}", path)
        #expect(row("bootdebug", in: manager) == "Yes")
        #expect(row("bootems", in: manager) == "No")
        #expect(try BCDRunner.bcd(["debug", "off", "--store", path]).status == 0)
        #expect(row("debug", in: try enumerate("{default}", path)) == "No")
    }

    @Test func dbgsettingsSwitchesTransportWithoutStaleOptions() throws {
        let path = try store()
        let serial = try BCDRunner.bcd(["/store", path, "/dbgsettings", "SERIAL", "DEBUGPORT:2", "BAUDRATE:115200", "/start", "AUTOENABLE", "/noumex"])
        #expect(serial.status == 0, "\(serial.stderr)")
        var settings = try enumerate("{dbgsettings}", path)
        #expect(row("debugtype", in: settings) == "Serial")
        #expect(row("debugport", in: settings) == "2")
        #expect(row("baudrate", in: settings) == "115200")
        #expect(row("debugstart", in: settings) == "AutoEnable")
        #expect(row("noumex", in: settings) == "Yes")

        let net = try BCDRunner.bcd(["dbgsettings", "--store", path, "net", "hostip:10.0.0.2", "port:50000", "newkey", "nodhcp"])
        #expect(net.status == 0, "\(net.stderr)")
        let key = try #require(net.stdout.split(separator: "\n").first { $0.hasPrefix("Key=") }).dropFirst(4)
        #expect(key.split(separator: ".").count == 4)
        settings = try enumerate("{dbgsettings}", path)
        #expect(row("debugtype", in: settings) == "NET")
        #expect(row("hostip", in: settings) == "10.0.0.2")
        #expect(row("port", in: settings) == "50000")
        #expect(row("key", in: settings) == String(key))
        #expect(row("dhcp", in: settings) == "No")
        #expect(row("debugport", in: settings) == nil, "serial options went with the serial transport")
        #expect(row("debugstart", in: settings) == "AutoEnable", "the start policy is not a transport option")

        // The address is stored as an integer whose little-endian bytes are the address.
        let export = try BCDRunner.registryExport(path)
        let hostip = try #require(export.components(separatedBy: "\\Elements\\1500001a]").dropFirst().first)
        #expect(hostip.contains("\"Element\"=hex(3):0a,00,00,02,00,00,00,00"), "\(hostip.prefix(200))")
    }

    @Test func netWithoutAKeyGetsAGeneratedOneAsBcdeditDoes() throws {
        let path = try store()
        // bcdedit /hypervisorsettings NET HOSTIP:... PORT:... prints Key=... (Microsoft's example).
        let result = try BCDRunner.bcd(["hypervisorsettings", "--store", path, "NET", "HOSTIP:192.168.1.2", "PORT:50000", "BUSPARAMS:0.25.0"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Key=") })
        let words = line.dropFirst(4).split(separator: ".", omittingEmptySubsequences: false)
        #expect(words.count == 4 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0.isLowercase } }, "\(line)")
        let settings = try enumerate("{hypervisorsettings}", path)
        #expect(row("hypervisorusekey", in: settings) == String(line.dropFirst(4)))
        #expect(row("hypervisorbusparams", in: settings) == "0.25.0")
        // A given key is kept and nothing is printed but the completion line.
        let given = try BCDRunner.bcd(["dbgsettings", "--store", path, "NET", "HOSTIP:10.0.0.2", "PORT:50000", "KEY:1.2.3.4"])
        #expect(given.stdout == "The operation completed successfully.\n")
        #expect(row("key", in: try enumerate("{dbgsettings}", path)) == "1.2.3.4")
    }

    @Test func settingsObjectsAreCreatedInAFreshStore() throws {
        let directory = try BCDRunner.scratch()
        let path = directory.appendingPathComponent("BCD").path
        #expect(try BCDRunner.bcd(["createstore", path]).status == 0)
        let steps = [
            ["hypervisorsettings", "NET", "HOSTIP:192.168.1.9", "PORT:50001", "KEY:a.b.c.d"],
            ["emssettings", "EMSPORT:1", "EMSBAUDRATE:115200"],
            ["dbgsettings", "LOCAL"],
        ]
        for step in steps {
            let result = try BCDRunner.bcd(step + ["--store", path])
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let all = try enumerate("all", path)
        #expect(all.contains("Hypervisor Settings\n-------------------\nidentifier              {hypervisorsettings}"))
        #expect(row("hypervisorhostip", in: all) == "192.168.1.9")
        #expect(row("hypervisorusekey", in: all) == "a.b.c.d")
        #expect(row("hypervisordhcp", in: all) == "Yes")
        #expect(row("emsport", in: all) == "1")
        #expect(row("debugtype", in: all) == "Local")
    }

    @Test func showingSettingsPrintsOnlyTheElementsAndLeavesTheFileAlone() throws {
        let path = try store()
        #expect(try BCDRunner.bcd(["dbgsettings", "--store", path, "SERIAL", "DEBUGPORT:1", "BAUDRATE:115200"]).status == 0)
        try FileManager.default.removeItem(atPath: path + ".bak")
        let before = try BCDRunner.contents(path)
        let result = try BCDRunner.bcd(["dbgsettings", "--store", path])
        #expect(result.status == 0)
        // bcdedit /dbgsettings: the element rows, then the completion line; no heading.
        #expect(result.stdout == """
            debugtype               Serial
            debugport               1
            baudrate                115200
            The operation completed successfully.

            """)
        #expect(try BCDRunner.contents(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
    }

    @Test func badRequestsAreRefusedAndChangeNothing() throws {
        let path = try store()
        let before = try BCDRunner.contents(path)
        let cases: [([String], String)] = [
            (["debug", "maybe"], "is not ON or OFF"),
            (["debug", "{default}", "on", "extra"], "[ID] ON|OFF"),
            (["dbgsettings", "PIGEON"], "is not a transport"),
            (["dbgsettings", "NET", "HOSTIP:10.0.0.2"], "NET needs PORT:"),
            (["dbgsettings", "NET", "HOSTIP:10.0.0.300", "PORT:50000"], "not an IPv4 address"),
            (["dbgsettings", "SERIAL", "CHANNEL:3"], "is not an option of SERIAL"),
            (["dbgsettings", "NET", "HOSTIP:10.0.0.2", "PORT:50000", "KEY:Bad.Key.1.2"], "is not a network debugging key"),
            (["dbgsettings", "NET", "HOSTIP:10.0.0.2", "PORT:50000", "KEY:1.2.3"], "is not a network debugging key"),
            (["dbgsettings", "NET", "HOSTIP:10.0.0.2", "PORT:50000", "KEY:1.2.3.4", "NEWKEY"], "not both"),
            (["hypervisorsettings", "NET", "HOSTIP:10.0.0.2", "PORT:70000"], "is not a UDP port"),
            (["dbgsettings", "SERIAL", "--start", "SOMETIMES"], "debugstart"),
            (["emssettings", "BIOS"], "EMSPORT"),
        ]
        for (arguments, mention) in cases {
            let result = try BCDRunner.bcd(arguments + ["--store", path])
            #expect(result.status != 0, "\(arguments) was accepted")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(mention), "\(arguments): \(result.stderr)")
        }
        #expect(try BCDRunner.contents(path) == before)
    }

    @Test func batchRunsTheVerbsAsOneEdit() throws {
        let path = try store()
        let script = path + ".script"
        try "dbgsettings SERIAL DEBUGPORT:1\ndebug {default} on\nbootdebug {bootmgr} on\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try BCDRunner.bcd(["batch", script, "--store", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("3 edits applied."))
        #expect(row("debug", in: try enumerate("{default}", path)) == "Yes")
        #expect(row("debugport", in: try enumerate("{dbgsettings}", path)) == "1")
    }
}
