/// Just enough of a BCD device element to follow a boot, read leniently with
/// BcdDeviceReader (a boot manager does not insist on an exact round trip): the options
/// object and, for a ramdisk, the image's path and whether it lives on the `boot` device.
/// Offsets from the element start: options GUID 0x00 (zero = none); descriptor header 0x10;
/// local device type 0x20 (3 = ramdisk); ramdisk placement 0x24; file path 0x38 (its parent
/// descriptor at 0x44, then the UTF-16 path up to the file path's end).
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
        var reader = BcdDeviceReader(bytes: bytes, position: 0x10)
        guard let header = reader.header() else { return nil }
        options = BcdGuid(bytes: bytes, at: 0).flatMap { $0.isZero ? nil : $0.braced }
        descriptorType = header.type
        isRamdisk = false
        ramdiskPath = nil
        ramdiskParentIsBoot = false
        guard header.type == 0, reader.u32() == 3 else { return }
        guard reader.ramdiskImage() != nil, let file = reader.filePathHeader(), file.end <= header.end,
              let parent = reader.header(), parent.end <= file.end else { return nil }
        isRamdisk = true
        ramdiskParentIsBoot = parent.type == 5
        ramdiskPath = BcdText.string(Array(bytes[parent.end..<file.end]))
    }
}
