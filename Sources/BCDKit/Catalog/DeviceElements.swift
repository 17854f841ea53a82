// Device elements (class 3): the options of device objects (type 0x30000000) such as
// {ramdiskoptions}, and of inherit objects of type 0x20300000.
//
// Sources (facts only): Geoff Chappell, "BCD Elements" (Device Elements table, friendly names read
// from BCDEDIT.EXE); Microsoft Learn "BcdDeviceObjectElementTypes" (ids); the bcdedit /enum output
// in Microsoft's "Configure a PXE server to load Windows PE" article (ramdisksdidevice,
// ramdisksdipath). 0x3500000D (Windows 10 1903+) has no bcdedit name and prints as custom:3500000d.
// Note: the WMI type library names 0x35000002 "TftpClientPort", but the bcdedit name is
// ramdisktftpclientport (some tools spell it ramdiskftpclientport; that is not bcdedit's).
// VHD booting has no device-object elements of its own (vhd= is a device element syntax), apart
// from vhdramdiskboot.

public let deviceElementDefinitions: [ElementDefinition] = [
    ElementDefinition(0x3500_0001, "ramdiskimageoffset", .device),
    ElementDefinition(0x3500_0002, "ramdisktftpclientport", .device),
    ElementDefinition(0x3100_0003, "ramdisksdidevice", .device),
    ElementDefinition(0x3200_0004, "ramdisksdipath", .device),
    ElementDefinition(0x3500_0005, "ramdiskimagelength", .device),
    ElementDefinition(0x3600_0006, "exportascd", .device),
    ElementDefinition(0x3500_0007, "ramdisktftpblocksize", .device),
    ElementDefinition(0x3500_0008, "ramdisktftpwindowsize", .device),
    ElementDefinition(0x3600_0009, "ramdiskmcenabled", .device),
    ElementDefinition(0x3600_000A, "ramdiskmctftpfallback", .device),
    ElementDefinition(0x3600_000B, "ramdisktftpvarwindow", .device),
    ElementDefinition(0x3600_000C, "vhdramdiskboot", .device),
]
