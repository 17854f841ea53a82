import Foundation
import Testing
@testable import BootCore

/// loader/common/bridge_codes.h names BootCore's bridge codes for C (src/bridge.h, UEFI, and
/// bios/bridge.h, BIOS, include it): every #define must be one of them, and it must define them all.
@Suite("Loader bridge header")
struct LoaderBridgeHeaderTests {
    static let loaderDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("loader")
    static let header = loaderDir.appendingPathComponent("common/bridge_codes.h")
    static let includers = ["src/bridge.h", "bios/bridge.h"].map { loaderDir.appendingPathComponent($0) }

    /// `#define LDR_... N` lines of the header, name -> value.
    static func defines(_ file: URL = header) throws -> [String: Int64] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var result: [String: Int64] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 3, words[0] == "#define", words[1].hasPrefix("LDR_") else { continue }
            result[String(words[1])] = Int64(words[2])
        }
        return result
    }

    /// `fileTooLarge` -> `FILE_TOO_LARGE`.
    static func upperSnake(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase, !out.isEmpty { out += "_" }
            out += c.uppercased()
        }
        return out
    }

    static var expected: [String: Int64] {
        var names: [String: Int64] = [:]
        for status in LoaderBridgeStatus.allCases {
            let name = status == .ok ? "LDR_OK" : "LDR_E_" + upperSnake(String(describing: status))
            names[name] = Int64(status.rawValue)
        }
        for bit in LoaderOptionBit.allCases {
            names["LDR_OPT_" + upperSnake(String(describing: bit))] = Int64(bit.rawValue)
        }
        return names
    }

    @Test func headerDefinesExactlyTheSwiftCodes() throws {
        let found = try Self.defines()
        #expect(found == Self.expected)
        #expect(found["LDR_E_FILE_TOO_LARGE"] == 1)
        #expect(found["LDR_OPT_PAUSE_QUIET"] == 8)
        for file in Self.includers {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("bridge_codes.h\""), "\(file.lastPathComponent) does not include bridge_codes.h")
            #expect(try Self.defines(file).isEmpty, "\(file.lastPathComponent) defines LDR_ codes of its own")
        }
    }

    @Test func optionBitsAreDistinctSingleBits() {
        let bits = LoaderOptionBit.allCases.map(\.rawValue)
        #expect(Set(bits).count == bits.count)
        #expect(bits.allSatisfy { $0.nonzeroBitCount == 1 })
    }
}
