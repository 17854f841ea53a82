/// How much memory a boot's guest needs for what it serves. The boot manager copies the
/// ramdisk WIM (and SDI) into memory, and in network mode iPXE also keeps every fetched file in
/// RAM until the loader starts: so the files twice over, plus room for WinPE itself; never less
/// than a real WinPE needs.
public enum GuestMemory {
    /// MiB for WinPE beside its ramdisk.
    public static let winpe = 512
    /// Smallest default, MiB: what a real WinPE boot needs.
    public static let minimum = 2048
    static let step = 256

    /// MiB the served files need (twice their size, plus WinPE), rounded up to 256 MiB.
    public static func needed(servedBytes: UInt64) -> Int {
        let mib = Int((servedBytes + (1 << 20) - 1) >> 20)
        let raw = 2 * mib + winpe
        return (raw + step - 1) / step * step
    }

    /// The default when --memory is not given.
    public static func automatic(servedBytes: UInt64) -> Int { max(minimum, needed(servedBytes: servedBytes)) }

    /// A warning when an explicit size is too small for the files.
    public static func problem(explicit: Int, servedBytes: UInt64) -> String? {
        let need = needed(servedBytes: servedBytes)
        guard explicit < need else { return nil }
        return "--memory \(explicit) MiB is less than the \(need) MiB the served files need (twice their size plus \(winpe) MiB for WinPE): the boot manager may stop with 0xc0000017 (STATUS_NO_MEMORY); leave --memory out or pass --memory \(need)"
    }
}
