/// Just enough of a BCD device element (REG_BINARY) to follow a boot: the options object and,
/// for a ramdisk, the image's path and whether it lives on the `boot` device. Layout, from the
/// element start: options GUID 0x00 (16 bytes, zero = none); descriptor 0x10: type u32 (0
/// local, 5 boot, 6 partition, 8 locate), flags 0x14, size 0x18, reserved 0x1C; local device
/// type 0x20 (3 = ramdisk). Ramdisk: base u64 0x24, size u64 0x2C, offset u32 0x34, then a
/// file path at 0x38: version, length (from 0x38 to the end), path type, the parent
/// descriptor at 0x44 (its size at 0x4C), then the UTF-16 path.
public struct BcdDeviceSummary: Equatable {
    /// "{guid}" of the additional options object (for a ramdisk: {ramdiskoptions}), or nil.
    public var options: String?
    /// Descriptor type: 0 local device, 5 boot, 6 partition, 8 locate.
    public var descriptorType: UInt32
    public var isRamdisk: Bool
    /// The ramdisk image (WIM) path, and whether its parent device is `boot`.
    public var ramdiskPath: String?
    public var ramdiskParentIsBoot: Bool

    /// nil when the bytes are too short or a size field points outside them.
    public init?(bytes: [UInt8]) {
        guard let type = bytes.le32(at: 0x10), let size = bytes.le32(at: 0x18),
              size >= 16, 0x10 + Int(size) <= bytes.count else { return nil }
        options = BcdGuidText.braced(bytes, at: 0)
        descriptorType = type
        isRamdisk = false
        ramdiskPath = nil
        ramdiskParentIsBoot = false
        guard type == 0, bytes.le32(at: 0x20) == 3 else { return }
        let end = 0x10 + Int(size)
        guard let length = bytes.le32(at: 0x3C), let parentType = bytes.le32(at: 0x44),
              let parentSize = bytes.le32(at: 0x4C), parentSize >= 16,
              0x38 + Int(length) <= end, 0x44 + Int(parentSize) <= 0x38 + Int(length) else { return nil }
        isRamdisk = true
        ramdiskParentIsBoot = parentType == 5
        ramdiskPath = BcdText.string(Array(bytes[0x44 + Int(parentSize)..<0x38 + Int(length)]))
    }
}
