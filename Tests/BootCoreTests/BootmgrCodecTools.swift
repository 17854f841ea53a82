import BootCore
import TestSupport

/// Calls into the LZNT1 / XCA codecs with arrays, and the inputs the round-trip tests use.
enum Codec: CaseIterable, CustomStringConvertible {
    case lznt1, xca

    var description: String { self == .lznt1 ? "LZNT1" : "XCA" }

    func compress(_ data: [UInt8]) -> [UInt8] {
        self == .lznt1 ? Lznt1Encoder.compress(data) : XcaEncoder.compress(data)
    }

    /// Decodes into a buffer of `capacity` bytes; the decoded bytes, or the typed error.
    func decompress(_ data: [UInt8], capacity: Int) -> Result<[UInt8], DecompressionError> {
        var out = [UInt8](repeating: 0xA5, count: capacity)
        var decoder = XcaDecoder()
        let result = data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output -> Result<Int, DecompressionError> in
                do throws(DecompressionError) {
                    return .success(self == .lznt1 ? try Lznt1Decoder.decompress(input, into: output)
                                                   : try decoder.decompress(input, into: output))
                } catch { return .failure(error) }
            }
        }
        return result.map { Array(out[0..<$0]) }
    }
}

enum CodecInputs {
    static let sizes = [0, 1, 4095, 4096, 4097, 65535, 65536, 65537, 300 * 1024]

    /// Three kinds: random bytes (stored / literal-heavy), a repetitive text with long and short
    /// repeats, and a machine-code-like mix (random runs, zero runs, copies from far back).
    static func data(_ kind: Int, _ count: Int, seed: UInt64 = 13) -> [UInt8] {
        var rng = SplitMix(seed: seed &+ UInt64(count) &* 31 &+ UInt64(kind))
        switch kind {
        case 0:
            return rng.bytes(count)
        case 1:
            let words = ["boot", "manager ", "BCD", "\\Windows\\System32\\", "winload.exe ", "0123456789"].map { Array($0.utf8) }
            var out: [UInt8] = []
            while out.count < count { out += words[rng.below(words.count)] }
            return Array(out.prefix(count))
        default:
            var out: [UInt8] = []
            while out.count < count {
                switch rng.below(4) {
                case 0: out += rng.bytes(1 + rng.below(64))
                case 1: out += [UInt8](repeating: 0, count: 1 + rng.below(3000))
                case 2 where out.count > 10:
                    let back = 1 + rng.below(min(out.count, 70000)), n = 3 + rng.below(300)
                    for _ in 0..<n { out.append(out[out.count - back]) }
                default: out += [UInt8](repeating: UInt8(rng.below(256)), count: 1 + rng.below(20))
                }
            }
            return Array(out.prefix(count))
        }
    }
}
