/// The command line of one test-boot emulator run, built from what the run needs and nothing
/// else: no file is touched and no environment is read here (Firmware makes the NVRAM,
/// Acceleration.probe decides on KVM, BootSession starts the process and drives QMP).
///
/// The machine is a q35 PC started paused (`-S`) that neither reboots nor exits on a guest
/// shutdown, so that BootSession sees the outcome, takes a screenshot and then quits over QMP.
public struct QemuInvocation: Sendable, Equatable {
    /// How the guest reaches the loader.
    public enum Boot: Sendable, Equatable {
        /// A raw disk image on a virtio block device, the first boot option; no NIC at all.
        case disk(image: String)
        /// QEMU's user-mode network with its built-in TFTP server rooted at `tftpRoot`. The
        /// virtio NIC is the first boot option: OVMF runs its option ROM, QEMU's default for
        /// virtio-net-pci, which is iPXE (Debian package ipxe-qemu), and iPXE fetches `bootFile`
        /// named by the DHCP reply.
        case network(tftpRoot: String, bootFile: String)
        /// The same network without TFTP: the DHCP reply's boot file is an http:// URL, which
        /// iPXE fetches itself (QEMU's user-mode network shows the host's 127.0.0.1 as 10.0.2.2).
        case http(bootURL: String)
    }

    public var firmware: Firmware
    /// This run's writable copy of `firmware.varsTemplate`.
    public var nvram: String
    /// Secure Boot: the certificates (PEM) each run's NVRAM adds to db (the loader's first);
    /// with none and no Secure Boot profile, a plain copy of the template.
    public var dbCertificates: [String]
    /// Secure Boot through shim: the certificates (PEM) each run's NVRAM puts in MokList.
    public var mokCertificates: [String] = []
    /// Guest memory, in MiB.
    public var memory: Int
    public var acceleration: Acceleration
    public var boot: Boot
    public var display: BootDisplay
    /// The serial console's log file (with `.terminal`, the console is also on stdio).
    public var serialLog: String
    /// The QMP server's unix socket; QEMU does not wait for a client.
    public var qmpSocket: String
    /// Seconds the boot may take; QEMU is killed a minute after it, whatever happens to bcd.
    public var timeLimit: Double
    /// BIOS network and http boots: the NIC and its iPXE BIOS ROM (Firmware.biosNetworkCard).
    public var biosNetworkCard: BiosNetworkCard?

    public init(firmware: Firmware, nvram: String, dbCertificates: [String] = [], memory: Int, acceleration: Acceleration, boot: Boot,
                display: BootDisplay, serialLog: String, qmpSocket: String, timeLimit: Double) {
        self.firmware = firmware
        self.nvram = nvram
        self.dbCertificates = dbCertificates
        self.memory = memory
        self.acceleration = acceleration
        self.boot = boot
        self.display = display
        self.serialLog = serialLog
        self.qmpSocket = qmpSocket
        self.timeLimit = timeLimit
    }

    /// QEMU's arguments (without the program).
    public var arguments: [String] {
        ["-machine", machine, "-m", String(memory), "-no-reboot", "-no-shutdown", "-S"]
            + firmwareArguments + ["-qmp", "unix:\(qmpSocket),server=on,wait=off", "-monitor", "none"]
            + acceleration.arguments + consoleArguments + bootArguments
    }

    /// UEFI: q35 (with SMM for Secure Boot). BIOS: QEMU's `pc` (i440FX), the machine SeaBIOS
    /// and legacy guests are usually run on (Proxmox's default, like Hyper-V generation 1).
    var machine: String {
        firmware.platform == .bios ? "pc" : firmware.secureBoot ? "q35,smm=on" : "q35"
    }

    /// The arguments of `timeout` running QEMU: SIGTERM at the time limit + 60 s, SIGKILL 5 s
    /// later; in the foreground with a terminal console, so that QEMU may read the terminal.
    public func timeoutArguments(qemu: String) -> [String] {
        let hardLimit = String(Int(timeLimit.rounded(.up)) + 60)
        return (inheritsTerminal ? ["--foreground"] : []) + ["-k", "5", hardLimit, qemu] + arguments
    }

    /// QEMU keeps this process's stdin/stdout: the serial console is on the terminal.
    public var inheritsTerminal: Bool { display == .terminal }

    /// Code read-only, then the NVRAM copy, as OVMF's two flash chips.
    /// Secure Boot: the flash accepts writes only from SMM (else the guest could rewrite db).
    /// BIOS: SeaBIOS's ROM image and nothing else (no NVRAM).
    var firmwareArguments: [String] {
        if firmware.platform == .bios { return ["-bios", firmware.code] }
        return (firmware.secureBoot ? ["-global", "driver=cfi.pflash01,property=secure,value=on"] : []) + ["-drive", "if=pflash,format=raw,readonly=on,file=\(firmware.code)",
         "-drive", "if=pflash,format=raw,file=\(nvram)"]
    }

    /// The serial port into the log (and onto stdio for `.terminal`), and where the screen goes;
    /// `.window` leaves QEMU's default graphical display.
    var consoleArguments: [String] {
        let serial = ["-serial", "chardev:ser0"]
        switch display {
        case .terminal:
            return ["-chardev", "stdio,id=ser0,mux=on,signal=off,logfile=\(serialLog)"] + serial + ["-display", "none"]
        case .window:
            return ["-chardev", "file,id=ser0,path=\(serialLog)"] + serial
        case .none:
            return ["-chardev", "file,id=ser0,path=\(serialLog)"] + serial + ["-display", "none"]
        case .vnc:
            // Local only; `to=99` lets QEMU take the next free display when :0 is in use.
            return ["-chardev", "file,id=ser0,path=\(serialLog)"] + serial + ["-display", "none", "-vnc", "127.0.0.1:0,to=99"]
        }
    }

    var bootArguments: [String] {
        if firmware.platform == .bios { return biosBootArguments }
        switch boot {
        case .disk(let image):
            return ["-nic", "none", "-drive", "file=\(image),format=raw,if=none,id=d0",
                    "-device", "virtio-blk-pci,drive=d0,bootindex=1"]
        case .network(let tftpRoot, let bootFile):
            return ["-netdev", "user,id=n0,tftp=\(tftpRoot),bootfile=\(bootFile)",
                    "-device", "virtio-net-pci,netdev=n0,bootindex=1"]
        case .http(let bootURL):
            return ["-netdev", "user,id=n0,bootfile=\(bootURL)",
                    "-device", "virtio-net-pci,netdev=n0,bootindex=1"]
        }
    }

    /// BIOS: the disk on the first IDE channel (SeaBIOS boots its MBR or, for a superfloppy,
    /// its FAT boot sector); the network through a NIC whose option ROM is iPXE's BIOS build,
    /// named explicitly (QEMU's default ROM for a NIC may be the UEFI one).
    var biosBootArguments: [String] {
        let card = biosNetworkCard ?? BiosNetworkCard(device: "e1000", romFile: Firmware.ipxeRomDirectory + "/pxe-e1000.rom")
        let nic = "\(card.device),netdev=n0,romfile=\(card.romFile),bootindex=1"
        switch boot {
        case .disk(let image):
            return ["-nic", "none", "-drive", "file=\(image),format=raw,if=none,id=d0", "-device", "ide-hd,drive=d0,bootindex=1"]
        case .network(let tftpRoot, let bootFile):
            return ["-netdev", "user,id=n0,tftp=\(tftpRoot),bootfile=\(bootFile)", "-device", nic]
        case .http(let bootURL):
            return ["-netdev", "user,id=n0,bootfile=\(bootURL)", "-device", nic]
        }
    }
}
