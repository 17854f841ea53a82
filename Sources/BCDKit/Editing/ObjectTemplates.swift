/// Object types for `create`: bcdedit's /application, /inherit and /device words, and the
/// type a well-known identifier implies.
public enum ObjectTemplates {
    public static func applicationType(_ word: String) throws(EditError) -> ObjectType {
        switch word.lowercased() {
        case "osloader": return .osLoader
        case "resume": return .resume
        case "bootsector": return .bootSector
        case "startup": return .startup
        case "bootapp": return .bootApplication
        default: throw .usage("unknown application type '\(word)': use osloader, resume, bootsector, startup or bootapp")
        }
    }

    public static func inheritType(_ word: String?) throws(EditError) -> ObjectType {
        switch word?.lowercased() {
        case nil, "": return .inheritLibrary
        case "bootmgr": return .inheritBootManager
        case "osloader": return .inheritOSLoader
        case "resume": return .inheritResume
        default: throw .usage("unknown inherit type '\(word!)': use bootmgr, osloader or resume, or none for library settings")
        }
    }

    /// The type bcdedit gives a well-known object created by its alias.
    public static func wellKnownType(_ id: BCDGUID) -> ObjectType? {
        switch ObjectNames.alias(for: id) {
        case "{bootmgr}": return .bootManager
        case "{fwbootmgr}": return .firmwareBootManager
        case "{memdiag}": return .memoryDiagnostic
        case "{ntldr}": return .legacyLoader
        case "{ramdiskoptions}": return .device
        case "{globalsettings}", "{dbgsettings}", "{emssettings}", "{badmemory}": return .inheritLibrary
        case "{bootloadersettings}", "{hypervisorsettings}", "{kerneldbgsettings}": return .inheritOSLoader
        case "{resumeloadersettings}": return .inheritResume
        default: return nil
        }
    }
}
