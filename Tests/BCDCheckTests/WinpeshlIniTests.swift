import Testing
@testable import BCDCheck

@Suite struct WinpeshlIniTests {
    @Test func launchAppAndLaunchAppsAreRead() {
        let ini = WinpeshlIni(bytes: Array("[LaunchApp]\r\n AppPath = %SYSTEMDRIVE%\\Fred\\shell.exe \r\n[LaunchApps]\r\n; comment\r\n%SYSTEMDRIVE%\\Fred\\app1.exe, -option1\r\napp2.exe\r\n[Other]\r\nx.exe\r\n".utf8))
        #expect(ini.apps == ["%SYSTEMDRIVE%\\Fred\\shell.exe", "%SYSTEMDRIVE%\\Fred\\app1.exe", "app2.exe"])
        #expect(!ini.launches("startnet.cmd"))
    }

    @Test func utf16WithBOMIsRead() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "[LaunchApps]\r\ncmd.exe, /k startnet.cmd\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let ini = WinpeshlIni(bytes: bytes)
        #expect(ini.apps == ["cmd.exe"])
        #expect(ini.launches("startnet.cmd"))   // as cmd.exe's argument
    }

    @Test func noSectionsLaunchNothing() {
        #expect(WinpeshlIni(bytes: Array(repeating: 0x4D, count: 300)).apps.isEmpty)
    }
}
