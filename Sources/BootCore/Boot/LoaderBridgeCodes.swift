/// Result codes of the loader's C/Swift bridge (loader/swift -> loader/src). loader/src/bridge.h
/// names them LDR_OK and LDR_E_<CASE IN UPPER SNAKE CASE>; BootCoreTests checks the header.
public enum LoaderBridgeStatus: Int32, CaseIterable {
    case ok = 0
    /// A file does not fit the virtual FAT disk (4 GiB - 1).
    case fileTooLarge = 1
    /// The command line holds a word the loader does not accept.
    case refused = 2
    /// An input file could not be read.
    case read = 3
    /// An index, offset or length outside what exists.
    case range = 4
    /// Anything else; the reason is in ldr_vdisk_error.
    case failed = 5
}

/// The options of LoaderOptions as bits, for the C side's `struct options` (bridge.h:
/// LDR_OPT_<CASE IN UPPER SNAKE CASE>).
public enum LoaderOptionBit: UInt32, CaseIterable {
    case rawBcd = 1
    case gui = 2
    case pause = 4
    case pauseQuiet = 8
    case quiet = 16
    case rawWim = 32
}

extension LoaderOptions {
    /// The flags as LoaderOptionBit bits.
    public var bits: UInt32 {
        var bits: UInt32 = 0
        for (set, bit) in [(rawBCD, LoaderOptionBit.rawBcd), (gui, .gui), (pause, .pause), (pauseQuiet, .pauseQuiet), (quiet, .quiet), (rawWIM, .rawWim)] where set {
            bits |= bit.rawValue
        }
        return bits
    }
}
