/// What a check assumes about the boot: firmware, image, how the store is served, where VHDs are.
public struct CheckOptions: Sendable, Equatable {
    public enum Firmware: String, Sendable { case uefi, bios }

    /// Which boot manager and OS loader names apply (UEFI: .efi after the loader's patch).
    public var firmware: Firmware
    /// The WIM image to boot; nil means the WIM's boot index (like the loader's `index=`).
    public var imageIndex: Int?
    /// The name the store is served under; nil when it is not served (no file checks on the name).
    public var storeName: String?
    /// A directory to look in for files that are not supplied (VHDs and their parents).
    public var searchDirectory: String?
    /// The guest memory a boot will have, in MiB, when it is set by hand (`--memory`); nil: sized
    /// for the files (GuestMemory.automatic), nothing to check.
    public var memory: Int?
    /// The boot runs with Secure Boot enforced (`bcd check --secure-boot`, `bcd boot --secure-boot`):
    /// warns about boot managers signed only by a CA that the 2023 revocations distrust.
    public var secureBoot: Bool

    public init(firmware: Firmware = .uefi, imageIndex: Int? = nil, storeName: String? = nil, searchDirectory: String? = nil,
                memory: Int? = nil, secureBoot: Bool = false) {
        self.memory = memory
        self.secureBoot = secureBoot
        self.firmware = firmware
        self.imageIndex = imageIndex
        self.storeName = storeName
        self.searchDirectory = searchDirectory
    }
}
