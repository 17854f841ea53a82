import Foundation

/// The two PC firmware families a test boot can run.
public enum FirmwarePlatform: String, Sendable, CaseIterable {
    /// OVMF, x86-64 UEFI.
    case uefi
    /// SeaBIOS, QEMU's default legacy BIOS: the loader is a Linux bzImage (loader.lkrn) started by
    /// iPXE's BIOS ROM or SYSLINUX.
    case bios
}

/// The NIC of a BIOS network boot and the iPXE BIOS option ROM that QEMU maps into its PCI ROM BAR.
public struct BiosNetworkCard: Sendable, Equatable {
    /// QEMU's device name (`-device NAME,...`).
    public var device: String
    public var romFile: String
}

extension Firmware {
    /// Debian's SeaBIOS (package seabios): the 256 KiB build QEMU's `pc` machine uses by default.
    public static let seabios = Firmware(platform: .bios, code: "/usr/share/seabios/bios-256k.bin")

    public init(platform: FirmwarePlatform, code: String) {
        self.init(code: code, varsTemplate: "")
        self.platform = platform
    }

    /// Debian's iPXE BIOS ROMs (package ipxe-qemu).
    public static let ipxeRomDirectory = "/usr/lib/ipxe/qemu"

    /// The NICs a BIOS network boot may use, in order of preference, with their iPXE BIOS ROMs
    /// (`pxe-*.rom`: a PCI expansion ROM of code type 0, x86 BIOS). e1000 first: QEMU 7.2 ignores
    /// an explicit romfile= on virtio-net-pci under SeaBIOS (no iPXE banner; checked here), while
    /// e1000's and rtl8139's are honoured.
    static let biosNetworkCards: [(device: String, rom: String)] = [("e1000", "pxe-e1000.rom"), ("rtl8139", "pxe-rtl8139.rom")]

    /// The first card whose ROM exists in `directory`; nil when none does.
    public static func biosNetworkCard(in directory: String = ipxeRomDirectory,
                                       exists: (String) -> Bool = { FileManager.default.isReadableFile(atPath: $0) }) -> BiosNetworkCard? {
        for card in biosNetworkCards where exists(directory + "/" + card.rom) {
            return BiosNetworkCard(device: card.device, romFile: directory + "/" + card.rom)
        }
        return nil
    }

    /// The card a BIOS network boot uses, or a failure naming the ROMs looked for and their package.
    public static func requireBiosNetworkCard(in directory: String = ipxeRomDirectory) throws -> BiosNetworkCard {
        guard let card = biosNetworkCard(in: directory) else {
            let names = biosNetworkCards.map { directory + "/" + $0.rom }.joined(separator: " or ")
            throw BootFailure("missing iPXE BIOS ROM \(names) (Debian package ipxe-qemu; scripts/install-deps.sh installs it)")
        }
        return card
    }
}
