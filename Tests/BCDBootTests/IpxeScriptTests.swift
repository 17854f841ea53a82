import Testing
@testable import BCDBoot

@Test func scriptFetchesEveryFileUnderItsNameAndChecksEachStep() {
    let script = IpxeScript.make(arguments: " rawbcd  index=2 ", names: ["BCD", "boot.sdi", "boot.wim"])
    #expect(script == """
        #!ipxe
        set file loader.efi
        kernel loader.efi rawbcd index=2 || goto failed
        set file BCD
        imgfetch --name BCD BCD BCD || goto failed
        set file boot.sdi
        imgfetch --name boot.sdi boot.sdi boot.sdi || goto failed
        set file boot.wim
        imgfetch --name boot.wim boot.wim boot.wim || goto failed
        boot || goto failed
        :failed
        echo bcd: could not fetch ${file}
        imgstat
        exit 1

        """)
    #expect(IpxeScript.problem(withName: "my file") != nil)
    #expect(IpxeScript.problem(withName: "boot.wim") == nil)
}

@Test func baseUrlsJoinWithOneSlashWhateverWasTyped() {
    for base in ["http://192.0.2.10/winpe", "http://192.0.2.10/winpe/"] {
        let lines = IpxeScript.make(arguments: "", names: ["BCD", "boot.wim"], base: base).split(separator: "\n")
        #expect(lines[2] == "kernel http://192.0.2.10/winpe/loader.efi || goto failed")
        #expect(lines[4] == "imgfetch --name BCD http://192.0.2.10/winpe/BCD BCD || goto failed")
        #expect(lines[6] == "imgfetch --name boot.wim http://192.0.2.10/winpe/boot.wim boot.wim || goto failed")
    }
    // Names are percent-encoded in the URI only.
    #expect(IpxeScript.location(of: "a+b#1.wim", base: "http://h") == "http://h/a%2Bb%231.wim")
    #expect(IpxeScript.location(of: "BCD", base: "") == "BCD")
}

@Test func aFailedFetchIsTheBootsOutcome() {
    let log = "iPXE 1.21.1+ -- Open Source Network Boot Firmware\r\nboot.wim... Connection timed out\r\nbcd: could not fetch boot.wim\r\n"
    #expect(SerialLog.isFinal(log))
    let o = SerialLog.classify(log, expected: [], timedOut: false)
    #expect(o.kind == .bootError)
    #expect(o.headline == "FAILED: iPXE could not fetch boot.wim")
}
