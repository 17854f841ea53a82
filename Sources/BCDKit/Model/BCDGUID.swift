/// A GUID in Windows byte order (Data1 u32 LE, Data2 u16 LE, Data3 u16 LE, Data4 8 bytes).
/// Text form is lower case, as BCD key names are: 9dea862c-5cdd-4e70-acc1-f32b344d4795.
public struct BCDGUID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", with or without braces, any case.
    public init?(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        let groups = body.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.count == 5, groups.map(\.count) == [8, 4, 4, 4, 12],
              let d1 = UInt32(groups[0], radix: 16), let d2 = UInt16(groups[1], radix: 16),
              let d3 = UInt16(groups[2], radix: 16),
              groups.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else { return nil }
        var out = [UInt8]()
        out += [UInt8(d1 & 0xFF), UInt8(d1 >> 8 & 0xFF), UInt8(d1 >> 16 & 0xFF), UInt8(d1 >> 24)]
        out += [UInt8(d2 & 0xFF), UInt8(d2 >> 8)]
        out += [UInt8(d3 & 0xFF), UInt8(d3 >> 8)]
        let tail = String(groups[3] + groups[4])
        var index = tail.startIndex
        while index < tail.endIndex {
            let next = tail.index(index, offsetBy: 2)
            out.append(UInt8(tail[index..<next], radix: 16)!)
            index = next
        }
        bytes = out
    }

    public static let zero = BCDGUID(bytes: [UInt8](repeating: 0, count: 16))!

    public static func random() -> BCDGUID {
        var generator = SystemRandomNumberGenerator()
        var raw = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        raw[7] = raw[7] & 0x0F | 0x40   // version 4 (Data3's high nibble)
        raw[8] = raw[8] & 0x3F | 0x80   // RFC 4122 variant
        return BCDGUID(bytes: raw)!
    }

    public var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

    /// Lower-case text without braces.
    public var description: String {
        func hexByte(_ b: UInt8) -> String { (b < 16 ? "0" : "") + String(b, radix: 16) }
        let d1 = [3, 2, 1, 0].map { hexByte(bytes[$0]) }.joined()
        let d2 = [5, 4].map { hexByte(bytes[$0]) }.joined()
        let d3 = [7, 6].map { hexByte(bytes[$0]) }.joined()
        let d4 = (8..<10).map { hexByte(bytes[$0]) }.joined()
        let d5 = (10..<16).map { hexByte(bytes[$0]) }.joined()
        return "\(d1)-\(d2)-\(d3)-\(d4)-\(d5)"
    }

    /// "{...}", the form bcdedit prints and BCD key names use.
    public var braced: String { "{\(description)}" }

    public static func < (a: BCDGUID, b: BCDGUID) -> Bool { a.description < b.description }
}
