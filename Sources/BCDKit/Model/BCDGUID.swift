import BootCore

/// BCD GUIDs are BootCore's `BcdGuid` (bytes, text form, order); this file adds what only
/// host tools need.
public typealias BCDGUID = BcdGuid

extension BcdGuid {
    /// A new random (version 4) GUID for a created object.
    public static func random() -> BcdGuid {
        var generator = SystemRandomNumberGenerator()
        var raw = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        raw[7] = raw[7] & 0x0F | 0x40   // version 4 (Data3's high nibble)
        raw[8] = raw[8] & 0x3F | 0x80   // RFC 4122 variant
        return BcdGuid(bytes: raw)!
    }
}
