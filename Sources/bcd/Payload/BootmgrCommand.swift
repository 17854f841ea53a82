import ArgumentParser
import BootCore
import Foundation

/// `bcd bootmgr extract BOOTMGR -o bootmgr.exe` and `bcd bootmgr pack PE -o bootmgr`: the
/// bootmgr.exe a PCAT `bootmgr` embeds, found and decoded by BootCore as the BIOS loader does.
struct BootmgrCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootmgr",
        abstract: "Take the bootmgr.exe out of a PCAT bootmgr (LZNT1 or XCA), or make such a file.",
        subcommands: [BootmgrExtract.self, BootmgrPack.self]
    )

    /// Largest bootmgr.exe `extract` decodes (real ones are 1-2 MiB).
    static let maximumImageSize = 32 << 20

    static func read(_ path: String) throws -> [UInt8] {
        let source = try MappedFile(path: path)
        guard let bytes = source.bytes(at: 0, length: Int(source.count)) else { throw PayloadCommandError("\(path): cannot read") }
        return bytes
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw PayloadCommandError("\(path): cannot write: \(error.localizedDescription)")
        }
    }
}

struct BootmgrExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write the bootmgr.exe embedded in a PCAT bootmgr; prints its offset, format and size."
    )

    @Argument(help: "The PCAT bootmgr file (16-bit stub + compressed bootmgr.exe).") var file: String
    @Option(name: .shortAndLong, help: "The bootmgr.exe to write.") var output: String

    func run() throws {
        let bytes = try BootmgrCommand.read(file)
        var image = [UInt8](repeating: 0, count: BootmgrCommand.maximumImageSize)
        let result = bytes.withUnsafeBytes { input in
            image.withUnsafeMutableBytes { out -> Result<BootmgrImage.Found, BootmgrImage.Failure> in
                do throws(BootmgrImage.Failure) { return .success(try BootmgrImage.extract(input, into: out)) } catch { return .failure(error) }
            }
        }
        switch result {
        case .failure(let failure):
            throw PayloadCommandError("\(file): " + failure.message)
        case .success(let found):
            try BootmgrCommand.write(Array(image[0..<found.size]), to: output)
            print("offset \(hexText(UInt64(found.offset)))  format \(found.format.name)  size \(found.size)")
        }
    }
}

struct BootmgrPack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Make a stand-in PCAT bootmgr: a 16-bit stub that only halts, then the image compressed."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case lznt1, xca
        var bootCore: BootmgrImage.Format { self == .lznt1 ? .lznt1 : .xca }
    }

    @Argument(help: "The bootmgr.exe (an i386 PE32 image).") var image: String
    @Option(name: .shortAndLong, help: "The bootmgr file to write.") var output: String
    @Option(help: "Compression: lznt1 or xca.") var format: Format = .lznt1

    func run() throws {
        let bytes = try BootmgrCommand.read(image)
        let isImage = bytes.withUnsafeBytes { BootmgrImage.isBootManager($0) }
        guard isImage else { throw PayloadCommandError("\(image): not an i386 PE32 image (a BIOS bootmgr.exe is one)") }
        try BootmgrCommand.write(BootmgrImage.pack(bytes, format: format.bootCore), to: output)
    }
}
