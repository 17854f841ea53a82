import BCDKit
import BootCore
import Foundation

/// Fixture stores and the `bcd` binary for the registry tests; BCDKit (libhivex) is the
/// reference every BootCore answer is compared with.
enum RegistryFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bcdDirectory = root.appendingPathComponent("../shared/fixtures/bcd").standardizedFileURL
    static let storeNames = [
        "pybcd-BCDTest", "pybcd-BCDfresh", "pybcd-BCDlaptop", "pybcd-BCDrecovery", "pybcd-BCDvm",
        "setup-media-BCD", "win10-esp-BCD", "win10-recovery-BCD", "win7-bios-mbr-BCD",
    ]

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func path(_ name: String) -> String { bcdDirectory.appendingPathComponent(name).path }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read \(path)") }
        return [UInt8](data)
    }

    /// The `bcd` binary built beside the test bundle (or $BCD_BINARY).
    static var bcdBinary: String {
        if let path = ProcessInfo.processInfo.environment["BCD_BINARY"] { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bcd").path
    }

    /// Runs `executable` with `arguments` (PATH extended by `pathFirst`); throws on failure.
    static func run(_ executable: String, _ arguments: [String], in directory: URL, pathFirst: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        if let pathFirst { env["PATH"] = pathFirst + ":" + (env["PATH"] ?? "/usr/bin:/bin") }
        env["BCD_STORE"] = nil
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(executable) \(arguments) exited \(process.terminationStatus)") }
    }

    /// A fresh directory holding the README's WinPE ramdisk store (scripts/ramdisk-store.sh),
    /// made by the real `bcd` binary, as `BCD`.
    static func demoStore() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bootcore-registry-\(UUID().uuidString)")
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("bcd").path, withDestinationPath: bcdBinary)
        try run("/bin/bash", [root.appendingPathComponent("scripts/ramdisk-store.sh").path, directory.path], in: directory, pathFirst: bin.path)
        return directory
    }

    /// What BCDKit reads for the same question BcdBootTarget answers.
    static func expectedTarget(_ path: String) throws -> BcdBootTarget? {
        let store = try StoreFile.open(path).saved
        guard let manager = store[ObjectNames.bootManager] else { return nil }
        var entry: BCDGUID?
        if case .object(let id)? = manager.value(ElementIDs.defaultObject) { entry = id }
        if entry == nil, case .objectList(let ids)? = manager.value(ElementIDs.displayOrder) { entry = ids.first }
        guard let entry, let object = store[entry] else { return nil }
        var target = BcdBootTarget(entry: entry.braced)
        if let raw = object[ElementType(rawValue: ElementIDs.device)]?.raw.data, let summary = BcdDeviceSummary(bytes: raw) {
            target.device = summary
            if case .device(let device)? = object.value(ElementIDs.device) {
                // The summary's fields, checked against BCDKit's full decoding.
                guard summary.options == device.options?.braced else { throw Failure(description: "options differ") }
                if case .ramdisk(_, let file) = device.descriptor.kind {
                    guard summary.isRamdisk, summary.ramdiskPath == file.path else { throw Failure(description: "ramdisk path differs") }
                    if case .boot = file.parent.kind { guard summary.ramdiskParentIsBoot else { throw Failure(description: "parent") } }
                } else {
                    guard !summary.isRamdisk, summary.descriptorType == device.descriptor.typeCode else { throw Failure(description: "kind differs") }
                }
            }
        }
        if case .string(let text)? = object.value(ElementIDs.path) { target.path = text }
        if let options = target.device?.options, let guid = BCDGUID(String(options.dropFirst().dropLast())), let optionsObject = store[guid] {
            if case .string(let text)? = optionsObject.value(ElementIDs.ramdiskSdiPath) { target.sdiPath = text }
            if case .device(let device)? = optionsObject.value(ElementIDs.ramdiskSdiDevice) {
                if case .boot = device.descriptor.kind { target.sdiDeviceIsBoot = true } else { target.sdiDeviceIsBoot = false }
            }
        }
        return target
    }
}
