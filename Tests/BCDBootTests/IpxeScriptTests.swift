import Testing
@testable import BCDBoot

@Test func scriptFetchesEveryFileUnderItsName() {
    let script = IpxeScript.make(arguments: " rawbcd index=2 ", names: ["BCD", "boot.sdi", "boot.wim"])
    #expect(script == """
        #!ipxe
        kernel loader.efi rawbcd index=2
        imgfetch --name BCD BCD
        imgfetch --name boot.sdi boot.sdi
        imgfetch --name boot.wim boot.wim
        boot

        """)
    #expect(IpxeScript.make(arguments: "", names: ["BCD"], base: "http://h/pe/").contains("kernel http://h/pe/loader.efi\nimgfetch --name BCD http://h/pe/BCD\n"))
    #expect(IpxeScript.problem(withName: "my file") != nil)
    #expect(IpxeScript.problem(withName: "boot.wim") == nil)
}
