/// The virtual disk's default identity: its MBR disk signature (offset 440) and the FAT volume
/// ID, one number ("0DCB" in ASCII, little-endian). The UEFI loader's partition device path
/// carries the same signature (loader/common/vdisk_ids.h, checked by VirtualDiskIdentityTests).
public enum VirtualFatDiskIdentity {
    public static let volumeID: UInt32 = 0x4243_4430
}
