/// A BCD object type (the `Description\Type` dword). Bits 28-31: 1 application, 2 inherit,
/// 3 device. Applications: bits 20-23 image type, bits 0-19 application type. Inherit
/// objects: bits 20-23 say which elements they may hold (1 library, 2 application, 3 device).
public struct ObjectType: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public enum Kind: Sendable { case application, inherit, device, unknown }

    public var kind: Kind {
        switch rawValue >> 28 {
        case 1: return .application
        case 2: return .inherit
        case 3: return .device
        default: return .unknown
        }
    }

    /// Application type (bits 0-19): 1 fwbootmgr, 2 bootmgr, 3 osloader, 4 resume, 5 memdiag,
    /// 6 ntldr, 7 setupldr, 8 bootsector, 9 startup, 10 bootapp.
    public var applicationType: UInt32 { rawValue & 0xFFFFF }
    /// Image type for applications / element class for inherit objects (bits 20-23).
    public var subclass: UInt32 { (rawValue >> 20) & 0xF }

    public static let firmwareBootManager = ObjectType(rawValue: 0x1010_0001)
    public static let bootManager = ObjectType(rawValue: 0x1010_0002)
    public static let osLoader = ObjectType(rawValue: 0x1020_0003)
    public static let resume = ObjectType(rawValue: 0x1020_0004)
    public static let memoryDiagnostic = ObjectType(rawValue: 0x1020_0005)
    public static let legacyLoader = ObjectType(rawValue: 0x1030_0006)
    public static let bootSector = ObjectType(rawValue: 0x1040_0008)
    public static let startup = ObjectType(rawValue: 0x1040_0009)
    public static let bootApplication = ObjectType(rawValue: 0x1020_000A)
    public static let inheritLibrary = ObjectType(rawValue: 0x2010_0000)
    public static let inheritBootManager = ObjectType(rawValue: 0x2020_0002)
    public static let inheritOSLoader = ObjectType(rawValue: 0x2020_0003)
    public static let inheritResume = ObjectType(rawValue: 0x2020_0004)
    public static let device = ObjectType(rawValue: 0x3000_0000)

    /// Which application-class element names apply to this object, if any.
    public var applicationScope: ElementScope? {
        switch kind {
        case .device: return .device
        case .inherit where subclass == 3: return .device
        case .inherit where subclass != 2: return nil
        case .application, .inherit:
            switch applicationType {
            case 1, 2: return .bootManager
            case 3: return .osLoader
            case 4: return .resume
            case 5: return .memoryDiagnostic
            case 6, 7: return .legacyLoader
            case 8: return .bootSector
            case 9: return .startup
            default: return nil
            }
        case .unknown: return nil
        }
    }

    public var description: String { "0x" + hex(rawValue) }
}
