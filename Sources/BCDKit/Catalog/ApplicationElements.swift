// Application elements (class 2): the same id means different things per application type
// (0x23000003 is `default` in a boot manager, `resumeobject` in an OS loader), so every entry
// carries the scope it belongs to.
//
// Sources (facts only): Geoff Chappell, "BCD Elements" (friendly names read from BCDEDIT.EXE);
// Microsoft Learn BcdBootMgrElementTypes / BcdOSLoaderElementTypes / BcdResumeElementTypes /
// BcdMemDiagElementTypes; real `bcdedit /enum` output (docs/bcdedit-output.md).
// The vocabulary is that of the Windows 10/11 bcdedit. Names that older bcdedit versions had but
// the current one dropped (osloader stampdisks 0x26000004, oslnointegritychecks 0x26000026,
// osltestsigning 0x26000027, hypervisorpath 0x220000F1; memdiag failurecount 0x25000003,
// testtofail 0x25000004, the Windows 7 cacheenable 0x26000005) are absent: the current bcdedit
// prints them as custom:XXXXXXXX. Ids with no bcdedit name at all (bootmgr 0x26000024,
// 0x22000026, 0x22000027, 0x2600002A, the FVE network elements 0x25000043-0x25000051; osloader
// 0x21000005, 0x25000008, 0x250000C0, 0x22000112, 0x21000152; resume 0x26000024) are absent too.

private let bootMenuPolicyChoices: [ElementChoice] = [
    ElementChoice(0, "Legacy"), ElementChoice(1, "Standard"),
]

private let bootUxChoices: [ElementChoice] = [
    ElementChoice(0, "Disabled"), ElementChoice(1, "Basic"), ElementChoice(2, "Standard"),
]

private let disableEnableChoices: [ElementChoice] = [
    ElementChoice(0, "Disable"), ElementChoice(1, "Enable"),
]

private let offAutoChoices: [ElementChoice] = [
    ElementChoice(0, "Off"), ElementChoice(1, "Auto"),
]

/// {fwbootmgr} (0x10100001), {bootmgr} (0x10100002) and their inherit types.
private let bootManagerElements: [ElementDefinition] = [
    ElementDefinition(0x2400_0001, "displayorder", .bootManager),
    ElementDefinition(0x2400_0002, "bootsequence", .bootManager),
    ElementDefinition(0x2300_0003, "default", .bootManager),
    ElementDefinition(0x2500_0004, "timeout", .bootManager, integer: .word32),
    ElementDefinition(0x2600_0005, "resume", .bootManager),
    ElementDefinition(0x2300_0006, "resumeobject", .bootManager),
    ElementDefinition(0x2400_0007, "startupsequence", .bootManager),
    ElementDefinition(0x2400_0010, "toolsdisplayorder", .bootManager),
    ElementDefinition(0x2600_0020, "displaybootmenu", .bootManager),
    ElementDefinition(0x2600_0021, "noerrordisplay", .bootManager),
    ElementDefinition(0x2100_0022, "bcddevice", .bootManager),
    ElementDefinition(0x2200_0023, "bcdfilepath", .bootManager),
    ElementDefinition(0x2600_0025, "hiberboot", .bootManager),
    ElementDefinition(0x2600_0028, "processcustomactionsfirst", .bootManager),
    ElementDefinition(0x2700_0030, "customactions", .bootManager),
    ElementDefinition(0x2600_0031, "persistbootsequence", .bootManager),
    ElementDefinition(0x2600_0032, "skipstartupsequence", .bootManager),
    ElementDefinition(0x2200_0040, "fverecoveryurl", .bootManager),
    ElementDefinition(0x2200_0041, "fverecoverymessage", .bootManager),
    ElementDefinition(0x2600_0042, "flightedbootmgr", .bootManager),
]

/// Windows Boot Loader (0x10200003), {bootloadersettings}, {hypervisorsettings},
/// {kerneldbgsettings} (all 0x20200003).
private let osLoaderElements: [ElementDefinition] = [
    ElementDefinition(0x2100_0001, "osdevice", .osLoader),
    ElementDefinition(0x2200_0002, "systemroot", .osLoader),
    ElementDefinition(0x2300_0003, "resumeobject", .osLoader),
    ElementDefinition(0x2600_0010, "detecthal", .osLoader),
    ElementDefinition(0x2200_0011, "kernel", .osLoader),
    ElementDefinition(0x2200_0012, "hal", .osLoader),
    ElementDefinition(0x2200_0013, "dbgtransport", .osLoader),
    ElementDefinition(0x2500_0020, "nx", .osLoader, choices: [
        ElementChoice(0, "OptIn"), ElementChoice(1, "OptOut"),
        ElementChoice(2, "AlwaysOff"), ElementChoice(3, "AlwaysOn"),
    ]),
    ElementDefinition(0x2500_0021, "pae", .osLoader, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "ForceEnable"), ElementChoice(2, "ForceDisable"),
    ]),
    ElementDefinition(0x2600_0022, "winpe", .osLoader),
    ElementDefinition(0x2600_0024, "nocrashautoreboot", .osLoader),
    ElementDefinition(0x2600_0025, "lastknowngood", .osLoader),
    ElementDefinition(0x2600_0030, "nolowmem", .osLoader),
    ElementDefinition(0x2500_0031, "removememory", .osLoader),
    ElementDefinition(0x2500_0032, "increaseuserva", .osLoader),
    ElementDefinition(0x2500_0033, "perfmem", .osLoader),
    ElementDefinition(0x2600_0040, "vga", .osLoader),
    ElementDefinition(0x2600_0041, "quietboot", .osLoader),
    ElementDefinition(0x2600_0042, "novesa", .osLoader),
    ElementDefinition(0x2600_0043, "novga", .osLoader),
    ElementDefinition(0x2500_0050, "clustermodeaddressing", .osLoader),
    ElementDefinition(0x2600_0051, "usephysicaldestination", .osLoader),
    ElementDefinition(0x2500_0052, "restrictapiccluster", .osLoader),
    ElementDefinition(0x2200_0053, "evstore", .osLoader),
    ElementDefinition(0x2600_0054, "uselegacyapicmode", .osLoader),
    ElementDefinition(0x2500_0055, "x2apicpolicy", .osLoader, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "Disable"), ElementChoice(2, "Enable"),
    ]),
    ElementDefinition(0x2600_0060, "onecpu", .osLoader),
    ElementDefinition(0x2500_0061, "numproc", .osLoader),
    ElementDefinition(0x2600_0062, "maxproc", .osLoader),
    ElementDefinition(0x2500_0063, "configflags", .osLoader),
    ElementDefinition(0x2600_0064, "maxgroup", .osLoader),
    ElementDefinition(0x2600_0065, "groupaware", .osLoader),
    ElementDefinition(0x2500_0066, "groupsize", .osLoader),
    ElementDefinition(0x2600_0070, "usefirmwarepcisettings", .osLoader),
    ElementDefinition(0x2500_0071, "msi", .osLoader, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "ForceDisable"),
    ]),
    ElementDefinition(0x2500_0072, "pciexpress", .osLoader, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "ForceDisable"),
    ]),
    ElementDefinition(0x2500_0080, "safeboot", .osLoader, choices: [
        ElementChoice(0, "Minimal"), ElementChoice(1, "Network"), ElementChoice(2, "DsRepair"),
    ]),
    ElementDefinition(0x2600_0081, "safebootalternateshell", .osLoader),
    ElementDefinition(0x2600_0090, "bootlog", .osLoader),
    ElementDefinition(0x2600_0091, "sos", .osLoader),
    ElementDefinition(0x2600_00A0, "debug", .osLoader),
    ElementDefinition(0x2600_00A1, "halbreakpoint", .osLoader),
    ElementDefinition(0x2600_00A2, "useplatformclock", .osLoader),
    ElementDefinition(0x2600_00A3, "forcelegacyplatform", .osLoader),
    ElementDefinition(0x2600_00A4, "useplatformtick", .osLoader),
    ElementDefinition(0x2600_00A5, "disabledynamictick", .osLoader),
    ElementDefinition(0x2500_00A6, "tscsyncpolicy", .osLoader, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "Legacy"), ElementChoice(2, "Enhanced"),
    ]),
    ElementDefinition(0x2600_00B0, "ems", .osLoader),
    ElementDefinition(0x2500_00C1, "driverloadfailurepolicy", .osLoader, choices: [
        ElementChoice(0, "Fatal"), ElementChoice(1, "UseErrorControl"),
    ]),
    ElementDefinition(0x2500_00C2, "bootmenupolicy", .osLoader, choices: bootMenuPolicyChoices),
    ElementDefinition(0x2600_00C3, "onetimeadvancedoptions", .osLoader),
    ElementDefinition(0x2600_00C4, "onetimeoptionsedit", .osLoader),
    ElementDefinition(0x2500_00E0, "bootstatuspolicy", .osLoader, choices: [
        ElementChoice(0, "DisplayAllFailures"), ElementChoice(1, "IgnoreAllFailures"),
        ElementChoice(2, "IgnoreShutdownFailures"), ElementChoice(3, "IgnoreBootFailures"),
        ElementChoice(4, "IgnoreCheckpointFailures"), ElementChoice(5, "DisplayShutdownFailures"),
        ElementChoice(6, "DisplayBootFailures"), ElementChoice(7, "DisplayCheckpointFailures"),
        ElementChoice(8, "AlwaysDisplayStartupFailures"),
    ]),
    ElementDefinition(0x2600_00E1, "disableelamdrivers", .osLoader),
    ElementDefinition(0x2500_00F0, "hypervisorlaunchtype", .osLoader, choices: offAutoChoices),
    ElementDefinition(0x2600_00F2, "hypervisordebug", .osLoader),
    ElementDefinition(0x2500_00F3, "hypervisordebugtype", .osLoader, choices: [
        ElementChoice(0, "Serial"), ElementChoice(1, "1394"), ElementChoice(2, "None"),
        ElementChoice(3, "Net"),
    ]),
    ElementDefinition(0x2500_00F4, "hypervisordebugport", .osLoader),
    ElementDefinition(0x2500_00F5, "hypervisorbaudrate", .osLoader),
    ElementDefinition(0x2500_00F6, "hypervisorchannel", .osLoader),
    ElementDefinition(0x2500_00F7, "bootux", .osLoader, choices: bootUxChoices),
    ElementDefinition(0x2600_00F8, "hypervisordisableslat", .osLoader),
    ElementDefinition(0x2200_00F9, "hypervisorbusparams", .osLoader),
    ElementDefinition(0x2500_00FA, "hypervisornumproc", .osLoader),
    ElementDefinition(0x2500_00FB, "hypervisorrootprocpernode", .osLoader),
    ElementDefinition(0x2600_00FC, "hypervisoruselargevtlb", .osLoader),
    ElementDefinition(0x2500_00FD, "hypervisorhostip", .osLoader, integer: .ipv4),
    ElementDefinition(0x2500_00FE, "hypervisorhostport", .osLoader),
    ElementDefinition(0x2500_00FF, "hypervisordebugpages", .osLoader),
    ElementDefinition(0x2500_0100, "tpmbootentropy", .osLoader, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "ForceDisable"), ElementChoice(2, "ForceEnable"),
    ]),
    ElementDefinition(0x2200_0110, "hypervisorusekey", .osLoader),
    ElementDefinition(0x2500_0113, "hypervisorrootproc", .osLoader),
    ElementDefinition(0x2600_0114, "hypervisordhcp", .osLoader),
    ElementDefinition(0x2500_0115, "hypervisoriommupolicy", .osLoader, choices: [
        ElementChoice(0, "Default"), ElementChoice(1, "Enable"), ElementChoice(2, "Disable"),
    ]),
    ElementDefinition(0x2600_0116, "hypervisorusevapic", .osLoader),
    ElementDefinition(0x2200_0117, "hypervisorloadoptions", .osLoader),
    ElementDefinition(0x2500_0118, "hypervisormsrfilterpolicy", .osLoader, choices: disableEnableChoices),
    ElementDefinition(0x2500_0119, "hypervisormmionxpolicy", .osLoader, choices: disableEnableChoices),
    ElementDefinition(0x2500_011A, "hypervisorschedulertype", .osLoader, choices: [
        ElementChoice(0, "Classic"), ElementChoice(1, "Core"), ElementChoice(2, "Root"),
    ]),
    ElementDefinition(0x2200_011B, "hypervisorrootprocnumanodes", .osLoader),
    ElementDefinition(0x2500_011C, "hypervisorperfmon", .osLoader, choices: [
        ElementChoice(0, "System"), ElementChoice(1, "Hypervisor"),
    ]),
    ElementDefinition(0x2500_011D, "hypervisorrootprocpercore", .osLoader),
    ElementDefinition(0x2200_011E, "hypervisorrootprocnumanodelps", .osLoader),
    ElementDefinition(0x2500_0120, "xsavepolicy", .osLoader),
    ElementDefinition(0x2500_0121, "xsaveaddfeature0", .osLoader),
    ElementDefinition(0x2500_0122, "xsaveaddfeature1", .osLoader),
    ElementDefinition(0x2500_0123, "xsaveaddfeature2", .osLoader),
    ElementDefinition(0x2500_0124, "xsaveaddfeature3", .osLoader),
    ElementDefinition(0x2500_0125, "xsaveaddfeature4", .osLoader),
    ElementDefinition(0x2500_0126, "xsaveaddfeature5", .osLoader),
    ElementDefinition(0x2500_0127, "xsaveaddfeature6", .osLoader),
    ElementDefinition(0x2500_0128, "xsaveaddfeature7", .osLoader),
    ElementDefinition(0x2500_0129, "xsaveremovefeature", .osLoader),
    ElementDefinition(0x2500_012A, "xsaveprocessorsmask", .osLoader),
    ElementDefinition(0x2500_012B, "xsavedisable", .osLoader),
    ElementDefinition(0x2500_012C, "kerneldebugtype", .osLoader, choices: [
        ElementChoice(0, "Serial"), ElementChoice(1, "1394"), ElementChoice(2, "USB"),
        ElementChoice(3, "NET"),
    ]),
    ElementDefinition(0x2200_012D, "kernelbusparams", .osLoader),
    ElementDefinition(0x2500_012E, "kerneldebugaddress", .osLoader),
    ElementDefinition(0x2500_012F, "kerneldebugport", .osLoader),
    ElementDefinition(0x2500_0130, "claimedtpmcounter", .osLoader),
    ElementDefinition(0x2500_0131, "kernelchannel", .osLoader),
    ElementDefinition(0x2200_0132, "kerneltargetname", .osLoader),
    ElementDefinition(0x2500_0133, "kernelhostip", .osLoader, integer: .ipv4),
    ElementDefinition(0x2500_0134, "kernelport", .osLoader),
    ElementDefinition(0x2600_0135, "kerneldhcp", .osLoader),
    ElementDefinition(0x2200_0136, "kernelkey", .osLoader),
    ElementDefinition(0x2200_0137, "imchivename", .osLoader),
    ElementDefinition(0x2100_0138, "imcdevice", .osLoader),
    ElementDefinition(0x2500_0139, "kernelbaudrate", .osLoader),
    ElementDefinition(0x2200_0140, "mfgmode", .osLoader),
    ElementDefinition(0x2600_0141, "event", .osLoader),
    ElementDefinition(0x2500_0142, "vsmlaunchtype", .osLoader, choices: offAutoChoices),
    ElementDefinition(0x2500_0144, "hypervisorenforcedcodeintegrity", .osLoader, choices: [
        ElementChoice(0, "Disable"), ElementChoice(1, "Enable"), ElementChoice(2, "Strict"),
    ]),
    ElementDefinition(0x2600_0145, "dtrace", .osLoader),
    ElementDefinition(0x2100_0150, "systemdatadevice", .osLoader),
    ElementDefinition(0x2100_0151, "osarcdevice", .osLoader),
    ElementDefinition(0x2100_0153, "osdatadevice", .osLoader),
    ElementDefinition(0x2100_0154, "bspdevice", .osLoader),
    ElementDefinition(0x2100_0155, "bspfilepath", .osLoader),
    ElementDefinition(0x2200_0156, "kernelhostipv6", .osLoader),
    ElementDefinition(0x2200_0161, "hypervisorhostipv6", .osLoader),
]

/// Resume from Hibernate (0x10200004) and {resumeloadersettings} (0x20200004).
private let resumeElements: [ElementDefinition] = [
    ElementDefinition(0x2100_0001, "filedevice", .resume),
    ElementDefinition(0x2200_0002, "filepath", .resume),
    ElementDefinition(0x2600_0003, "customsettings", .resume),
    ElementDefinition(0x2600_0004, "pae", .resume),
    ElementDefinition(0x2100_0005, "associatedosdevice", .resume),
    ElementDefinition(0x2600_0006, "debugoptionenabled", .resume),
    ElementDefinition(0x2500_0007, "bootux", .resume, choices: bootUxChoices),
    ElementDefinition(0x2500_0008, "bootmenupolicy", .resume, choices: bootMenuPolicyChoices),
]

/// Windows Memory Tester, {memdiag} (0x10200005).
private let memoryDiagnosticElements: [ElementDefinition] = [
    ElementDefinition(0x2500_0001, "passcount", .memoryDiagnostic),
    ElementDefinition(0x2500_0002, "testmix", .memoryDiagnostic, choices: [
        ElementChoice(0, "Basic"), ElementChoice(1, "Extended"),
    ]),
    ElementDefinition(0x2600_0003, "cacheenable", .memoryDiagnostic),
    ElementDefinition(0x2600_0004, "failuresenabled", .memoryDiagnostic),
    ElementDefinition(0x2500_0005, "stridefailcount", .memoryDiagnostic),
    ElementDefinition(0x2500_0006, "invcfailcount", .memoryDiagnostic),
    ElementDefinition(0x2500_0007, "matsfailcount", .memoryDiagnostic),
    ElementDefinition(0x2500_0008, "randfailcount", .memoryDiagnostic),
    ElementDefinition(0x2500_0009, "chckrfailcount", .memoryDiagnostic),
]

/// {ntldr} (0x10300006) and setupldr (0x10300007).
private let legacyLoaderElements: [ElementDefinition] = [
    ElementDefinition(0x2200_0001, "bpbstring", .legacyLoader),
]

/// Startup module applications (0x10400009), e.g. a WDS PXE startrom entry.
private let startupElements: [ElementDefinition] = [
    ElementDefinition(0x2600_0001, "pxesoftreboot", .startup),
    ElementDefinition(0x2200_0002, "applicationname", .startup),
]

// Boot sector applications (0x10400008): bcdedit names no application element for them.

/// Application-class ids that the Windows 10 bcdedit accepts and names in every object type.
/// They are repeated below under each application scope so a lookup by (scope, id) finds them.
private let anyApplicationElements: [(UInt32, String)] = [
    (0x2600_0202, "skipffumode"),
    (0x2600_0203, "forceffumode"),
    (0x2500_0510, "chargethreshold"),
    (0x2600_0512, "offmodecharging"),
    (0x2500_0AAA, "bootflow"),
]

private let applicationScopes: [ElementScope] = [
    .bootManager, .osLoader, .resume, .memoryDiagnostic, .legacyLoader, .bootSector, .startup,
]

public let applicationElementDefinitions: [ElementDefinition] =
    bootManagerElements + osLoaderElements + resumeElements + memoryDiagnosticElements
    + legacyLoaderElements + startupElements
    + applicationScopes.flatMap { scope in
        anyApplicationElements.map { ElementDefinition($0.0, $0.1, scope) }
    }
