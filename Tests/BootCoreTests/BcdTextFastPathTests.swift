import Testing
@testable import BootCore

/// The ASCII fast paths of BcdText answer exactly as the general UTF-16 path does, or defer to it.
@Suite struct BcdTextFastPathTests {
    static func utf16(_ text: String) -> [UInt8] { BcdText.bytes(of: Array(text.utf16)) }

    /// The general path alone: units, NUL handling and well-formedness as decodeMulti defines them.
    static func generalMulti(_ data: [UInt8]) -> [String]? {
        guard data.count % 2 == 0 else { return nil }
        var result: [String] = [], current: [UInt16] = []
        for unit in BcdText.units(of: data) {
            if unit == 0 {
                if current.isEmpty { break }
                guard let text = BcdText.decodeUnits(current) else { return nil }
                result.append(text); current = []
            } else { current.append(unit) }
        }
        return current.isEmpty ? result : nil
    }

    static let multiCases: [[UInt8]] = [
        [], [0, 0], utf16("a\0b\0\0"), utf16("a\0b\0"), utf16("a\0b"), utf16("{one}\0\0garbage"),
        utf16("é\0\0"), utf16("a\0\0é"), utf16("abc\0") + [0x41], [0x41, 0x00, 0x00],
        utf16("x\0") + [0x00, 0xD8, 0, 0, 0, 0],
    ]

    @Test(arguments: multiCases)
    func multiMatchesTheGeneralPath(data: [UInt8]) {
        #expect(BcdText.decodeMulti(data) == Self.generalMulti(data))
    }

    @Test(arguments: [[], [0, 0], utf16("ab\0cd"), utf16("ab"), utf16("ab") + [0x41], utf16("é\0"), [0x41, 0x00, 0x42]] as [[UInt8]])
    func singleMatchesTheGeneralPath(data: [UInt8]) {
        var units = BcdText.units(of: data)
        let general: String?
        if let end = units.firstIndex(of: 0) { units = Array(units[..<end]); general = BcdText.decodeUnits(units) }
        else { general = data.count % 2 != 0 ? nil : BcdText.decodeUnits(units) }
        #expect(BcdText.decodeSingle(data) == general)
    }
}
