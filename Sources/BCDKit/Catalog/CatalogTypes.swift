/// Which objects an element name applies to. Library elements (class 1, id 0x1xxxxxxx) mean the
/// same everywhere; application elements (class 2) mean different things per application type
/// (0x23000003 is `default` in the boot manager but `resumeobject` in an OS loader); device
/// elements (class 3) belong to device objects such as {ramdiskoptions}.
public enum ElementScope: Sendable, Hashable {
    case library
    case bootManager        // {bootmgr}, {fwbootmgr}
    case osLoader           // Windows Boot Loader, {bootloadersettings}, {hypervisorsettings}
    case resume             // Resume from Hibernate, {resumeloadersettings}
    case memoryDiagnostic   // {memdiag}
    case legacyLoader       // ntldr, setupldr
    case bootSector         // real-mode boot sector application
    case startup            // startup module application
    case device             // device objects ({ramdiskoptions} and other device options)
}

/// One name in bcdedit's element vocabulary.
public struct ElementDefinition: Sendable {
    /// The 32-bit element type: class (bits 28-31), format (bits 24-27), subtype (bits 0-23).
    public let id: UInt32
    /// The name bcdedit prints and accepts, lower case.
    public let name: String
    public let scope: ElementScope
    /// For enumerated integers: value and the name bcdedit shows for it (e.g. nx 0 = "OptIn").
    public let choices: [ElementChoice]
    /// For integers: how the value is shown and typed, and which values it may take.
    public let integer: IntegerTraits

    public init(_ id: UInt32, _ name: String, _ scope: ElementScope, choices: [ElementChoice] = [],
                integer: IntegerTraits = .plain) {
        self.id = id
        self.name = name
        self.scope = scope
        self.choices = choices
        self.integer = integer
    }
}

/// What an integer element holds beyond "a number": how bcdedit shows it and the values the
/// editor accepts for it.
public struct IntegerTraits: Sendable, Hashable {
    public enum Display: Sendable, Hashable {
        case decimal
        /// 0x-prefixed hex, as bcdedit prints addresses and sizes: truncatememory and
        /// avoidlowmemory as seen in real output (docs/bcdedit-output.md); relocatephysical,
        /// debugaddress and keyringaddress are addresses too.
        case hex
        /// An IPv4 address kept as an integer: the address's four bytes in network order are
        /// the integer's little-endian bytes (10.0.0.2 = 0x0200000a).
        case ipv4
    }

    public let display: Display
    public let range: ClosedRange<UInt64>

    public init(display: Display, range: ClosedRange<UInt64> = 0...UInt64.max) {
        self.display = display
        self.range = range
    }

    /// Any 64-bit value, in decimal.
    public static let plain = IntegerTraits(display: .decimal)
    /// Any 64-bit value, in hex.
    public static let hex = IntegerTraits(display: .hex)
    /// An IPv4 address (a.b.c.d): 32 bits.
    public static let ipv4 = IntegerTraits(display: .ipv4, range: 0...0xFFFF_FFFF)
    /// A 32-bit value in decimal (bcdedit documents these as DWORDs).
    public static let word32 = IntegerTraits(display: .decimal, range: 0...0xFFFF_FFFF)
}

public struct ElementChoice: Sendable, Hashable {
    public let value: UInt64
    public let name: String
    public init(_ value: UInt64, _ name: String) {
        self.value = value
        self.name = name
    }
}

/// An object with a fixed GUID and the alias bcdedit shows in place of it.
public struct WellKnownObject: Sendable {
    /// Lower-case GUID without braces.
    public let guid: String
    /// The alias bcdedit prints, with braces, e.g. "{bootmgr}".
    public let alias: String
    /// Further names bcdedit accepts on input (e.g. "{legacy}" for {ntldr}).
    public let otherAliases: [String]
    /// Virtual objects ({current}, {default}) are never stored in a store file.
    public let isVirtual: Bool

    public init(_ guid: String, _ alias: String, otherAliases: [String] = [], isVirtual: Bool = false) {
        self.guid = guid
        self.alias = alias
        self.otherAliases = otherAliases
        self.isVirtual = isVirtual
    }
}
