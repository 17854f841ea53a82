// The section heading `bcdedit /enum` prints above each object (followed by a line of '-' of the
// same length). See docs/bcdedit-output.md for the outputs these strings were taken from.

/// Headings that depend on the object's GUID rather than on its type: the settings groups are all
/// inherit objects (0x20100000, 0x20200003, 0x20200004) and {ramdiskoptions} shares type
/// 0x30000000 with every other device object, yet bcdedit gives each its own heading.
private let headingsByGUID: [String: String] = [
    "0ce4991b-e6b3-4b16-b23c-5e0d9250e5d9": "EMS Settings",           // {emssettings}
    "4636856e-540f-4170-a130-a84776f4c654": "Debugger Settings",      // {dbgsettings}
    "5189b25c-5558-4bf2-bca4-289b11bd29e2": "RAM Defects",            // {badmemory}
    "7ea2e1ac-2e61-4728-aaa3-896d9d0a9f0e": "Global Settings",        // {globalsettings}
    "6efb52bf-1766-41db-a6b3-0ee5eff72bd7": "Boot Loader Settings",   // {bootloadersettings}
    "7ff607e0-4395-11db-b0de-0800200c9a66": "Hypervisor Settings",    // {hypervisorsettings}
    "1afa9c49-16ab-4a5c-901b-212802da9460": "Resume Loader Settings", // {resumeloadersettings}
    "ae5534e0-a924-466c-b836-758539a3ee3a": "Setup Ramdisk Options",  // {ramdiskoptions}
    // Not seen in any real output we could find; the name follows the pattern of the others.
    "313e8eed-7098-4586-a9bf-309c61f8d449": "Kernel Debugger Settings", // {kerneldbgsettings}
]

/// Headings fixed by object type.
private let headingsByType: [UInt32: String] = [
    0x1010_0001: "Firmware Boot Manager",
    0x1010_0002: "Windows Boot Manager",
    0x1020_0003: "Windows Boot Loader",
    0x1020_0004: "Resume from Hibernate",
    0x1020_0005: "Windows Memory Tester",
    0x1030_0006: "Windows Legacy OS Loader",
    // Not seen in any real output we could find.
    0x1040_0008: "Real-mode Boot Sector",
    0x3000_0000: "Device options",
]

/// Application image types (bits 20-23 of an application object type), used for application
/// types without a heading of their own: bcdedit prints "<image type> (<type in 8 hex digits>)",
/// e.g. "Firmware Application (101fffff)", "Real-mode Application (10400009)".
private let applicationImageTypeNames: [UInt32: String] = [
    1: "Firmware Application",
    2: "Windows Boot Application",
    3: "Legacy Loader Application",
    4: "Real-mode Application",
]

private func hex8(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}

/// The heading `bcdedit /enum` prints for an object of this type, judged by type alone.
///
/// How headings are chosen (see docs/bcdedit-output.md for the evidence):
/// 1. A few well-known objects have a heading of their own, chosen by GUID, not by type: the
///    settings groups ("EMS Settings", "Debugger Settings", "RAM Defects", "Global Settings",
///    "Boot Loader Settings", "Hypervisor Settings", "Resume Loader Settings") and
///    {ramdiskoptions} ("Setup Ramdisk Options", while other device objects of the same type
///    0x30000000 print "Device options"). Use `bcdeditHeading(objectType:guid:)` for those.
/// 2. Otherwise known application types and device objects have fixed headings
///    ("Windows Boot Manager", "Windows Boot Loader", ...).
/// 3. Any other application object prints its image type and the raw type in lower-case hex,
///    "Firmware Application (101fffff)" or "Real-mode Application (10400009)".
/// 4. Anything else (inherit objects without a well-known GUID, unknown classes) has no heading
///    known to us: this returns nil and the caller should print a raw form such as
///    "Object (20200003)" (our own convention, not bcdedit's).
public func bcdeditHeading(objectType: UInt32) -> String? {
    if let heading = headingsByType[objectType] {
        return heading
    }
    if objectType >> 28 == 1, let image = applicationImageTypeNames[(objectType >> 20) & 0xF] {
        return "\(image) (\(hex8(objectType)))"
    }
    return nil
}

/// The heading `bcdedit /enum` prints for the object with this GUID and type: the GUID's own
/// heading when it is one of the well-known objects listed in rule 1 of
/// `bcdeditHeading(objectType:)`, else the heading for the type, else "Object (xxxxxxxx)".
/// `guid` is matched without braces and case-insensitively.
public func bcdeditHeading(objectType: UInt32, guid: String) -> String {
    var key = guid.lowercased()
    if key.hasPrefix("{") && key.hasSuffix("}") {
        key = String(key.dropFirst().dropLast())
    }
    if let heading = headingsByGUID[key] {
        return heading
    }
    return bcdeditHeading(objectType: objectType) ?? "Object (\(hex8(objectType)))"
}
