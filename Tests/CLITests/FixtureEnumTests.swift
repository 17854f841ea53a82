import Foundation
import Testing

/// Every real store opens, and `enum all -v` lists every object and element with a decoded value.
@Suite struct FixtureEnumTests {
    static let stores = [
        "pybcd-BCDTest", "pybcd-BCDfresh", "pybcd-BCDlaptop", "pybcd-BCDrecovery", "pybcd-BCDvm",
        "setup-media-BCD", "win10-esp-BCD", "win10-recovery-BCD", "win7-bios-mbr-BCD",
    ]

    @Test(arguments: stores)
    func enumAllListsEveryObjectAndElement(store: String) throws {
        let path = BCDRunner.fixtures.appendingPathComponent(store).path
        let text = try BCDRunner.bcd(["enum", "all", "-v", "--store", path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("raw type"), "an element fell back to raw bytes")

        let json = try BCDRunner.bcd(["enum", "all", "-v", "--json", "--store", path])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let objects = try #require(document["objects"] as? [[String: Any]])

        // The registry itself, read by hivex's own tool, is the reference.
        let export = try BCDRunner.registryExport(path)
        let objectKeys = export.matches(of: /\[\\Objects\\(\{[0-9a-f-]{36}\})\]/).map { String($0.1) }
        let elementKeys = export.matches(of: /\[\\Objects\\\{[0-9a-f-]{36}\}\\Elements\\[0-9a-f]{8}\]/).count
        #expect(Set(objects.compactMap { $0["guid"] as? String }) == Set(objectKeys))
        let listed = objects.reduce(0) { $0 + (($1["elements"] as? [Any])?.count ?? 0) }
        #expect(listed == elementKeys)
        let identifierRows = text.stdout.split(separator: "\n").filter { $0.hasPrefix("identifier ") }.count
        #expect(identifierRows == objectKeys.count)
    }

    @Test func namesDependOnObjectType() throws {
        let path = BCDRunner.fixtures.appendingPathComponent("win10-esp-BCD").path
        let out = try BCDRunner.bcd(["enum", "all", "--store", path]).stdout
        // 0x23000003: `default` in the boot manager, `resumeobject` in a loader.
        #expect(out.contains("default                 {default}"))
        #expect(out.contains("resumeobject            {347518e0-f3cc-11ea-911e-c7eaa7d84b6c}"))
        #expect(out.contains("nx                      OptIn"))
        #expect(out.contains("bootmenupolicy          Standard"))
        #expect(out.contains("displaymessageoverride  Recovery"))
        #expect(out.contains("Firmware Application (101fffff)"))
        #expect(out.contains("displayorder            {c38f7213-f723-11ea-be88-806e6f6e6963}\n                        {bootmgr}\n"))
    }

    @Test func devicesOfEveryKindDecode() throws {
        let test = try BCDRunner.bcd(["enum", "all", "--store", BCDRunner.fixtures.appendingPathComponent("pybcd-BCDTest").path]).stdout
        #expect(test.contains("device                  boot\n"))
        #expect(test.contains("partition=mbr:36234da4:47566553088"))
        #expect(test.contains("partition=gpt:984c884b-4218-4f07-aa93-5ede4c7c5384:76cc3abd-2782-4839-af5c-5fc8e6659147"))
        #expect(test.contains(#"file=[boot]\Workspace\metadeploy\boot.wim"#))
        #expect(test.contains(#"ramdisk=[boot]\boot\boot.wim,{ramdiskoptions}"#))
        #expect(test.contains(#"vhd=[locate]\test.vhd"#))
        #expect(test.contains(#"vhd=[mbr:36234da4:1048576]\test.vhd,locate=custom:12345678"#))

        let media = try BCDRunner.bcd(["enum", "all", "--store", BCDRunner.fixtures.appendingPathComponent("setup-media-BCD").path]).stdout
        #expect(media.contains(#"ramdisk=[boot]\sources\boot.wim,{7619dcc8-fafe-11d9-b411-000476eba25f}"#))

        let win7 = try BCDRunner.bcd(["enum", "all", "--store", BCDRunner.fixtures.appendingPathComponent("win7-bios-mbr-BCD").path]).stdout
        #expect(win7.contains(#"ramdisk=[mbr:743afecf:"#))
    }

    @Test func transactionLogIsRefused() throws {
        let path = BCDRunner.fixtures.appendingPathComponent("transaction-log-not-a-hive").path
        let result = try BCDRunner.bcd(["enum", "all", "--store", path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("transaction log"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func bcdeditSpellingWorks() throws {
        let path = BCDRunner.fixtures.appendingPathComponent("pybcd-BCDfresh").path
        let slash = try BCDRunner.bcd(["/store", path, "/enum", "all", "/v"])
        let dashes = try BCDRunner.bcd(["enum", "all", "-v", "--store", path])
        #expect(slash.status == 0)
        #expect(slash.stdout == dashes.stdout)
    }
}
