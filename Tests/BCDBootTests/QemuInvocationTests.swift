import Testing
@testable import BCDBoot

/// An invocation with distinct, recognisable paths; `boot`, `display` and `acceleration` vary.
private func invocation(_ boot: QemuInvocation.Boot = .disk(image: "/s/disk.img"), display: BootDisplay = .none,
                        acceleration: Acceleration = .tcg, timeLimit: Double = 120) -> QemuInvocation {
    QemuInvocation(firmware: Firmware(code: "/fw/CODE.fd", varsTemplate: "/fw/VARS.fd"), nvram: "/s/vars.fd",
                   memory: 768, acceleration: acceleration, boot: boot, display: display,
                   serialLog: "/s/serial.log", qmpSocket: "/s/qmp.sock", timeLimit: timeLimit)
}

private let network = QemuInvocation.Boot.network(tftpRoot: "/s/tftp", bootFile: "boot.ipxe")
private let http = QemuInvocation.Boot.http(bootURL: "http://10.0.2.2:40000/boot.ipxe")

/// The values that follow each occurrence of `option` ("-drive" -> every drive's spec).
private func values(of option: String, in arguments: [String]) -> [String] {
    zip(arguments, arguments.dropFirst()).filter { $0.0 == option }.map(\.1)
}

@Test func headlessDiskBootIsThisCommandLine() {
    #expect(invocation(acceleration: .kvmThenTCG).arguments == [
        "-machine", "q35", "-m", "768", "-no-reboot", "-no-shutdown", "-S",
        "-drive", "if=pflash,format=raw,readonly=on,file=/fw/CODE.fd",
        "-drive", "if=pflash,format=raw,file=/s/vars.fd",
        "-qmp", "unix:/s/qmp.sock,server=on,wait=off", "-monitor", "none",
        "-accel", "kvm", "-accel", "tcg",
        "-chardev", "file,id=ser0,path=/s/serial.log", "-serial", "chardev:ser0", "-display", "none",
        "-nic", "none", "-drive", "file=/s/disk.img,format=raw,if=none,id=d0",
        "-device", "virtio-blk-pci,drive=d0,bootindex=1",
    ])
}

@Test func networkBootServesTheTreeOverTFTPToTheNICsIpxeROM() {
    let args = invocation(network).arguments
    #expect(values(of: "-netdev", in: args) == ["user,id=n0,tftp=/s/tftp,bootfile=boot.ipxe"])
    // virtio-net-pci's default option ROM is QEMU's iPXE build; no romfile= may replace it.
    #expect(values(of: "-device", in: args) == ["virtio-net-pci,netdev=n0,bootindex=1"])
    #expect(!args.contains { $0.contains("romfile") })
    #expect(!args.contains("-nic"))
    // The firmware drives only: no disk.
    #expect(values(of: "-drive", in: args).allSatisfy { $0.hasPrefix("if=pflash,") })
}

@Test func httpBootGivesTheScriptsURLAsTheDHCPBootFileWithoutTFTP() {
    let args = invocation(http).arguments
    #expect(values(of: "-netdev", in: args) == ["user,id=n0,bootfile=http://10.0.2.2:40000/boot.ipxe"])
    #expect(values(of: "-device", in: args) == ["virtio-net-pci,netdev=n0,bootindex=1"])
    #expect(!args.contains { $0.contains("tftp=") || $0.contains("romfile") })
    #expect(values(of: "-drive", in: args).allSatisfy { $0.hasPrefix("if=pflash,") })
}

@Test func everyModeButNetworkHasNoNIC() {
    for display in BootDisplay.allCases {
        for acceleration in [Acceleration.tcg, .kvmThenTCG] {
            for mode in BootMode.allCases {
                let boot: QemuInvocation.Boot = switch mode {
                case .disk: .disk(image: "/s/disk.img")
                case .network: network
                case .http: http
                }
                let args = invocation(boot, display: display, acceleration: acceleration).arguments
                if mode != .disk {
                    #expect(!args.contains("-nic") && values(of: "-netdev", in: args).count == 1)
                } else {
                    #expect(values(of: "-nic", in: args) == ["none"] && !args.contains("-netdev"),
                            "\(mode) \(display) \(acceleration)")
                }
            }
        }
    }
}

@Test func diskBootIsTheFirstBootOptionOnVirtio() {
    let args = invocation().arguments
    #expect(values(of: "-drive", in: args).last == "file=/s/disk.img,format=raw,if=none,id=d0")
    #expect(values(of: "-device", in: args) == ["virtio-blk-pci,drive=d0,bootindex=1"])
}

@Test func firmwareCodeIsReadOnlyAndTheVariablesAreTheRunsCopy() {
    let flash = values(of: "-drive", in: invocation().arguments).filter { $0.hasPrefix("if=pflash") }
    // Order matters: the first flash chip is OVMF's code, the second its variable store.
    #expect(flash == ["if=pflash,format=raw,readonly=on,file=/fw/CODE.fd", "if=pflash,format=raw,file=/s/vars.fd"])
    #expect(!invocation().arguments.contains { $0.contains("/fw/VARS.fd") })
}

@Test func kvmIsTriedBeforeTCGAndTCGAloneWhenKVMIsOut() {
    #expect(values(of: "-accel", in: invocation(acceleration: .kvmThenTCG).arguments) == ["kvm", "tcg"])
    #expect(values(of: "-accel", in: invocation(acceleration: .tcg).arguments) == ["tcg"])
    #expect(Acceleration.kvmThenTCG.summary == "KVM, falling back to TCG")
    #expect(Acceleration.tcg.summary == "TCG software emulation")
}

@Test func qmpIsAUnixSocketThatQEMUDoesNotWaitForAndTheMachineStartsPaused() {
    let args = invocation().arguments
    #expect(values(of: "-qmp", in: args) == ["unix:/s/qmp.sock,server=on,wait=off"])
    #expect(values(of: "-monitor", in: args) == ["none"])
    // Paused until BootSession's QMP `cont`; a guest shutdown leaves QEMU for `quit`.
    #expect(args.contains("-S") && args.contains("-no-shutdown") && args.contains("-no-reboot"))
    #expect(values(of: "-machine", in: args) == ["q35"] && values(of: "-m", in: args) == ["768"])
}

@Test func eachDisplayPutsTheSerialConsoleInTheLog() {
    let file = "file,id=ser0,path=/s/serial.log"
    let cases: [(BootDisplay, chardev: String, display: [String], vnc: [String])] = [
        (.none, file, ["none"], []),
        (.window, file, [], []),
        (.vnc, file, ["none"], ["127.0.0.1:0,to=99"]),
        (.terminal, "stdio,id=ser0,mux=on,signal=off,logfile=/s/serial.log", ["none"], []),
    ]
    #expect(Set(cases.map(\.0)) == Set(BootDisplay.allCases))
    for (display, chardev, screen, vnc) in cases {
        let args = invocation(display: display).arguments
        #expect(values(of: "-chardev", in: args) == [chardev], "\(display)")
        #expect(values(of: "-serial", in: args) == ["chardev:ser0"], "\(display)")
        #expect(values(of: "-display", in: args) == screen, "\(display)")
        #expect(values(of: "-vnc", in: args) == vnc, "\(display)")
        #expect(invocation(display: display).inheritsTerminal == (display == .terminal))
    }
}

@Test func qemuRunsUnderTimeoutAMinutePastTheTimeLimit() {
    let headless = invocation(timeLimit: 2.5)
    #expect(headless.timeoutArguments(qemu: "/usr/bin/qemu-system-x86_64")
        == ["-k", "5", "63", "/usr/bin/qemu-system-x86_64"] + headless.arguments)
    // A terminal console: timeout stays in the terminal's foreground so that QEMU can read keys.
    let terminal = invocation(display: .terminal, timeLimit: 120)
    #expect(terminal.timeoutArguments(qemu: "q") == ["--foreground", "-k", "5", "180", "q"] + terminal.arguments)
}

@Test func secureBootFirmwareAddsSmmAndTheSecureFlash() {
    var secure = invocation()
    secure.firmware = .ovmfSecureBoot2011
    let arguments = secure.arguments
    #expect(values(of: "-machine", in: arguments) == ["q35,smm=on"])
    #expect(values(of: "-global", in: arguments) == ["driver=cfi.pflash01,property=secure,value=on"])
    #expect(values(of: "-drive", in: arguments).first == "if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd")
    #expect(values(of: "-global", in: invocation().arguments).isEmpty)
}
