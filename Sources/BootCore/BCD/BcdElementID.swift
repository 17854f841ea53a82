/// Element ids the tools and the boot path rely on by meaning (the full name table is BCDKit's
/// catalog). Application-class ids mean different things per application type.
public enum BcdElementID {
    public static let device: UInt32 = 0x1100_0001
    public static let path: UInt32 = 0x1200_0002
    public static let description: UInt32 = 0x1200_0004
    public static let inherit: UInt32 = 0x1400_0006
    public static let recoverySequence: UInt32 = 0x1400_0008
    public static let displayOrder: UInt32 = 0x2400_0001
    public static let bootSequence: UInt32 = 0x2400_0002
    public static let defaultObject: UInt32 = 0x2300_0003    // bootmgr: default; osloader: resumeobject
    public static let timeout: UInt32 = 0x2500_0004
    public static let bootMgrResumeObject: UInt32 = 0x2300_0006
    public static let toolsDisplayOrder: UInt32 = 0x2400_0010
    public static let osDevice: UInt32 = 0x2100_0001
    public static let systemRoot: UInt32 = 0x2200_0002
    public static let detectHal: UInt32 = 0x2600_0010
    public static let winPE: UInt32 = 0x2600_0022
    public static let ramdiskSdiDevice: UInt32 = 0x3100_0003
    public static let ramdiskSdiPath: UInt32 = 0x3200_0004
}
