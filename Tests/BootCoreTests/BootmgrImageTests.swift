import Foundation
import Testing
import BootCore
import TestSupport

/// Finding the bootmgr.exe a PCAT bootmgr embeds: files made by BootmgrImage.pack and by hand
/// (other stub sizes, decoys), real i386 images linked here; anything else is refused in one error.
@Suite("bootmgr embedded image")
struct BootmgrImageTests {
    func extract(_ file: [UInt8], capacity: Int = 4 << 20) -> Result<(BootmgrImage.Found, [UInt8]), BootmgrImage.Failure> {
        var out = [UInt8](repeating: 0, count: capacity)
        let found = file.withUnsafeBytes { f in
            out.withUnsafeMutableBytes { o -> Result<BootmgrImage.Found, BootmgrImage.Failure> in
                do throws(BootmgrImage.Failure) { return .success(try BootmgrImage.extract(f, into: o)) } catch { return .failure(error) }
            }
        }
        return found.map { ($0, Array(out[0..<$0.size])) }
    }

    /// The i386 test image, and the same with 200 KiB of mixed data appended (an overlay: still
    /// the same PE, now several XCA blocks and many LZNT1 chunks long).
    func images() throws -> [[UInt8]] {
        let dir = try PayloadTool.temporaryDirectory("bootmgr")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pe = Array(try Data(contentsOf: try PETestImages.pe32(in: dir)))
        return [pe, pe + CodecInputs.data(2, 200 * 1024)]
    }

    @Test(arguments: [BootmgrImage.Format.lznt1, .xca])
    func packedImagesComeBackIdentical(_ format: BootmgrImage.Format) throws {
        for pe in try images() {
            let packed = BootmgrImage.pack(pe, format: format)
            #expect(Array(packed[0..<4]) == [0xFA, 0xF4, 0xEB, 0xFD])
            guard case .success(let (found, image)) = extract(packed) else { Issue.record("\(format): not found"); continue }
            #expect(found.offset == BootmgrImage.stubSize && found.format == format && found.size == pe.count)
            #expect(image == pe)
        }
    }

    /// Another stub size, junk in the stub, and a decoy stream (an LZNT1 "MZ..." that is no PE)
    /// before the real one: the first stream that decodes to an i386 PE32 wins.
    @Test func otherLayoutsAndDecoys() throws {
        let pe = try images()[0]
        var rng = SplitMix(seed: 3)
        let decoy = Lznt1Encoder.compress(Array("MZ but not a PE image at all".utf8) + rng.bytes(300))
        var file = rng.bytes(1000).map { $0 & 0x7F }
        file += [UInt8](repeating: 0, count: 8 - file.count % 8)
        file += decoy
        file += [UInt8](repeating: 0, count: 24 - file.count % 8)
        let start = file.count
        #expect(start % 8 == 0)
        file += XcaEncoder.compress(pe)
        guard case .success(let (found, image)) = extract(file) else { Issue.record("not found"); return }
        #expect(found.offset == start && found.format == .xca && image == pe)
    }

    @Test func refusedFiles() throws {
        var rng = SplitMix(seed: 8)
        let dir = try PayloadTool.temporaryDirectory("bootmgr-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pe64 = Array(try Data(contentsOf: try PETestImages.pe32(in: dir, wide: true)))
        let refused: [(String, [UInt8])] = [
            ("empty", []),
            ("random bytes", rng.bytes(100_000)),
            ("a stub alone", BootmgrImage.stub),
            ("compressed text", BootmgrImage.pack(Array(String(repeating: "not a boot manager ", count: 500).utf8), format: .lznt1)),
            ("an x86-64 PE32+", BootmgrImage.pack(pe64, format: .lznt1)),
            ("an x86-64 PE32+ (XCA)", BootmgrImage.pack(pe64, format: .xca)),
            ("a bare PE", try images()[0]),
        ]
        for (what, file) in refused {
            guard case .failure(.noImage(let attempts)) = extract(file) else { Issue.record("\(what) was accepted"); continue }
            #expect(attempts <= BootmgrImage.maximumAttempts, "\(what)")
        }
        // Too small an output buffer: the image does not fit, so nothing is found.
        let packed = BootmgrImage.pack(try images()[0], format: .xca)
        guard case .failure(.tooLarge(BootmgrImage.stubSize, .xca, 1000)) = extract(packed, capacity: 1000) else {
            Issue.record("a 1000-byte buffer was not reported as too small"); return
        }
        #expect(BootmgrImage.Failure.noImage(attempts: 2).message.contains("no compressed bootmgr.exe"))
    }
}
