import ArgumentParser
import BootCore

/// `bcd cpio ls FILE`: the members of a newc cpio archive (an iPXE/Linux initrd), read by BootCore.
struct CpioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpio",
        abstract: "Inspect a newc cpio archive (initrd) through BootCore, as the boot loader reads it.",
        subcommands: [CpioList.self]
    )
}

struct CpioList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List the members: type, size, data offset, name.")

    @Argument(help: "The cpio archive.") var file: String

    func run() throws {
        let source = try MappedFile(path: file)
        let entries: [CpioEntry]
        do { entries = try CpioReader.entries(of: source) } catch {
            throw PayloadCommandError("\(file): " + error.message)
        }
        for entry in entries {
            let kind = entry.isDirectory ? "d" : entry.isSymbolicLink ? "l" : entry.isRegularFile ? "-" : "?"
            let size = String(entry.size)
            print("\(kind) \(String(repeating: " ", count: max(0, 12 - size.count)))\(size)  \(hexText(entry.dataOffset, digits: 8))  \(entry.name)")
        }
    }
}
