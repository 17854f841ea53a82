// Library elements (class 1): names bcdedit prints for them in every kind of object.
//
// Sources (facts only): Geoff Chappell, "BCD Elements" (geoffchappell.com/notes/windows/boot/bcd/
// elements.htm, friendly-name column, which is read from BCDEDIT.EXE's own tables); Microsoft Learn
// "BcdLibraryElementTypes"; real `bcdedit /enum` output (see docs/bcdedit-output.md).
// The vocabulary is that of the Windows 10/11 bcdedit. Ids that bcdedit has no name for (e.g.
// 0x16000031 AttemptNonBcdStart, 0x16000067, 0x1600006B, 0x1500006D, 0x16000071, 0x15000073,
// 0x15000075, 0x15000076, 0x16000078, 0x11000083, 0x16000085, 0x15000086) are deliberately absent:
// bcdedit shows those as custom:XXXXXXXX.

private let messageChoices: [ElementChoice] = [
    ElementChoice(0, "Default"), ElementChoice(1, "Resume"), ElementChoice(2, "HyperV"),
    ElementChoice(3, "Recovery"), ElementChoice(4, "StartupRepair"),
    ElementChoice(5, "SystemImageRecovery"), ElementChoice(6, "CommandPrompt"),
    ElementChoice(7, "SystemRestore"), ElementChoice(8, "PushButtonReset"),
]

public let libraryElementDefinitions: [ElementDefinition] = [
    ElementDefinition(0x1100_0001, "device", .library),
    ElementDefinition(0x1200_0002, "path", .library),
    ElementDefinition(0x1200_0004, "description", .library),
    ElementDefinition(0x1200_0005, "locale", .library),
    ElementDefinition(0x1400_0006, "inherit", .library),
    ElementDefinition(0x1500_0007, "truncatememory", .library, integer: .hex),
    ElementDefinition(0x1400_0008, "recoverysequence", .library),
    ElementDefinition(0x1600_0009, "recoveryenabled", .library),
    ElementDefinition(0x1700_000A, "badmemorylist", .library),
    ElementDefinition(0x1600_000B, "badmemoryaccess", .library),
    ElementDefinition(0x1500_000C, "firstmegabytepolicy", .library, choices: [
        ElementChoice(0, "UseNone"), ElementChoice(1, "UseAll"), ElementChoice(2, "UsePrivate"),
    ]),
    ElementDefinition(0x1500_000D, "relocatephysical", .library, integer: .hex),
    ElementDefinition(0x1500_000E, "avoidlowmemory", .library, integer: .hex),
    ElementDefinition(0x1600_000F, "traditionalkseg", .library),
    ElementDefinition(0x1600_0010, "bootdebug", .library),
    ElementDefinition(0x1500_0011, "debugtype", .library, choices: [
        ElementChoice(0, "Serial"), ElementChoice(1, "1394"), ElementChoice(2, "USB"),
        ElementChoice(3, "NET"), ElementChoice(4, "Local"),
    ]),
    ElementDefinition(0x1500_0012, "debugaddress", .library, integer: .hex),
    ElementDefinition(0x1500_0013, "debugport", .library, integer: .word32),
    ElementDefinition(0x1500_0014, "baudrate", .library),
    ElementDefinition(0x1500_0015, "channel", .library),
    ElementDefinition(0x1200_0016, "targetname", .library),
    ElementDefinition(0x1600_0017, "noumex", .library),
    ElementDefinition(0x1500_0018, "debugstart", .library, choices: [
        ElementChoice(0, "Active"), ElementChoice(1, "AutoEnable"), ElementChoice(2, "Disable"),
    ]),
    ElementDefinition(0x1200_0019, "busparams", .library),
    ElementDefinition(0x1500_001A, "hostip", .library, integer: .ipv4),
    ElementDefinition(0x1500_001B, "port", .library),
    ElementDefinition(0x1600_001C, "dhcp", .library),
    ElementDefinition(0x1200_001D, "key", .library),
    ElementDefinition(0x1600_001E, "vm", .library),
    ElementDefinition(0x1200_001F, "hostipv6", .library),
    ElementDefinition(0x1600_0020, "bootems", .library),
    ElementDefinition(0x1500_0022, "emsport", .library),
    ElementDefinition(0x1500_0023, "emsbaudrate", .library),
    ElementDefinition(0x1200_0030, "loadoptions", .library),
    ElementDefinition(0x1600_0040, "advancedoptions", .library),
    ElementDefinition(0x1600_0041, "optionsedit", .library),
    ElementDefinition(0x1500_0042, "keyringaddress", .library, integer: .hex),
    // Boot status data log: custom:1100004x only before Windows 10 1803.
    ElementDefinition(0x1100_0043, "bootstatdevice", .library),
    ElementDefinition(0x1200_0044, "bootstatfilepath", .library),
    ElementDefinition(0x1600_0045, "preservebootstat", .library),
    ElementDefinition(0x1600_0046, "graphicsmodedisabled", .library),
    ElementDefinition(0x1500_0047, "configaccesspolicy", .library, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "DisallowMmConfig"),
    ]),
    ElementDefinition(0x1600_0048, "nointegritychecks", .library),
    ElementDefinition(0x1600_0049, "testsigning", .library),
    ElementDefinition(0x1200_004A, "fontpath", .library),
    ElementDefinition(0x1500_004B, "integrityservices", .library, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "Enable"), ElementChoice(2, "Disable"),
    ]),
    ElementDefinition(0x1500_004C, "volumebandid", .library),
    ElementDefinition(0x1600_0050, "extendedinput", .library),
    ElementDefinition(0x1500_0051, "initialconsoleinput", .library),
    ElementDefinition(0x1500_0052, "graphicsresolution", .library, choices: [
        ElementChoice(0, "1024x768"), ElementChoice(1, "800x600"), ElementChoice(2, "1024x600"),
    ]),
    ElementDefinition(0x1600_0053, "restartonfailure", .library),
    ElementDefinition(0x1600_0054, "highestmode", .library),
    ElementDefinition(0x1600_0060, "isolatedcontext", .library),
    ElementDefinition(0x1500_0065, "displaymessage", .library, choices: messageChoices),
    ElementDefinition(0x1500_0066, "displaymessageoverride", .library, choices: messageChoices),
    ElementDefinition(0x1600_0068, "nobootuxtext", .library),
    ElementDefinition(0x1600_0069, "nobootuxprogress", .library),
    ElementDefinition(0x1600_006A, "nobootuxfade", .library),
    ElementDefinition(0x1600_006C, "bootuxdisabled", .library),
    ElementDefinition(0x1600_0072, "nokeyboard", .library),
    ElementDefinition(0x1600_0074, "bootshutdowndisabled", .library),
    ElementDefinition(0x1700_0077, "allowedinmemorysettings", .library),
    ElementDefinition(0x1500_0079, "bootuxtransitiontime", .library),
    ElementDefinition(0x1600_007A, "mobilegraphics", .library),
    ElementDefinition(0x1600_007B, "forcefipscrypto", .library),
    ElementDefinition(0x1500_007D, "booterrorux", .library, choices: [
        ElementChoice(0, "Legacy"), ElementChoice(1, "Standard"), ElementChoice(2, "Simple"),
    ]),
    ElementDefinition(0x1600_007E, "flightsigning", .library),
    ElementDefinition(0x1500_007F, "measuredbootlogformat", .library, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "Sha1"),
    ]),
    ElementDefinition(0x1500_0080, "displayrotation", .library, choices: [
        ElementChoice(0, "0"), ElementChoice(1, "90"), ElementChoice(2, "180"), ElementChoice(3, "270"),
    ]),
    ElementDefinition(0x1500_0081, "logcontrol", .library),
    ElementDefinition(0x1600_0082, "nofirmwaresync", .library),
    ElementDefinition(0x1100_0084, "windowssyspart", .library),
    ElementDefinition(0x1600_0087, "numlock", .library),
    ElementDefinition(0x1200_0088, "additionalcipolicy", .library),
    ElementDefinition(0x1500_0088, "linearaddress57", .library, choices: [
        ElementChoice(0, "default"), ElementChoice(1, "optout"), ElementChoice(2, "optin"),
    ]),
    // A template-class (class 4) element that the Windows 10 bcdedit names and permits in any
    // object; kept here because, like the library elements, its meaning does not depend on the
    // object type.
    ElementDefinition(0x4700_0006, "elementstomigrate", .library),
]
