import Foundation
import Testing
@testable import BootCore

/// loader/bios/bootapp.h gives C the layout BootCore's BootAppParameters and BiosCallRegisters
/// define: every numeric BOOTAPP_/BIOSREGS_ #define must equal the Swift constant.
@Suite("BIOS boot application header")
struct BiosBootAppHeaderTests {
    static let header = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("loader/bios/bootapp.h")

    static func defines() throws -> [String: Int] {
        let text = try String(contentsOf: header, encoding: .utf8)
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 3, words[0] == "#define",
                  words[1].hasPrefix("BOOTAPP_") || words[1].hasPrefix("BIOSREGS_") else { continue }
            let value = words[2].hasPrefix("0x") ? Int(words[2].dropFirst(2), radix: 16) : Int(words[2])
            if let value { result[String(words[1])] = value }
        }
        return result
    }

    typealias P = BootAppParameters
    typealias R = BiosCallRegisters.Offset
    static let expected: [String: Int] = [
        "BIOSREGS_VECTOR": R.vector, "BIOSREGS_EAX": R.eax, "BIOSREGS_EBX": R.ebx, "BIOSREGS_ECX": R.ecx,
        "BIOSREGS_EDX": R.edx, "BIOSREGS_ESI": R.esi, "BIOSREGS_EDI": R.edi, "BIOSREGS_DS": R.ds,
        "BIOSREGS_ES": R.es, "BIOSREGS_FS": R.fs, "BIOSREGS_GS": R.gs, "BIOSREGS_EFLAGS": R.eflags,
        "BIOSREGS_SIZE": BiosCallRegisters.size, "BIOSREGS_CF": Int(BiosCallRegisters.carryFlag),
        "BOOTAPP_VERSION": Int(P.version), "BOOTAPP_MACHINE_I386": Int(P.machineI386),
        "BOOTAPP_HDR_VERSION": P.Header.version, "BOOTAPP_HDR_SIZE": P.Header.size,
        "BOOTAPP_HDR_MACHINE": P.Header.machine, "BOOTAPP_HDR_TRANSLATION": P.Header.translation,
        "BOOTAPP_HDR_IMAGE_BASE": P.Header.imageBase, "BOOTAPP_HDR_IMAGE_SIZE": P.Header.imageSize,
        "BOOTAPP_HDR_MEMORY_DATA": P.Header.memoryDataOffset, "BOOTAPP_HDR_APP_ENTRY": P.Header.appEntryOffset,
        "BOOTAPP_HDR_BOOT_DEVICE": P.Header.bootDeviceOffset, "BOOTAPP_HDR_FIRMWARE": P.Header.firmwareOffset,
        "BOOTAPP_HDR_RETURN_ARGS": P.Header.returnArgumentsOffset, "BOOTAPP_HDR_LENGTH": P.Header.length,
        "BOOTAPP_REGION_LENGTH": P.Region.length, "BOOTAPP_DEVICE_LENGTH": P.Device.length,
        "BOOTAPP_FIRMWARE_CALLBACK": P.Firmware.callback, "BOOTAPP_CALLBACK_FUNCTIONS": P.Callback.functions,
        "BOOTAPP_CALLBACK_DRIVE": P.Callback.drive, "BOOTAPP_FUNCTIONS_CALL_INTERRUPT": P.Functions.callInterrupt,
        "BOOTAPP_FUNCTIONS_CALL_REAL": P.Functions.callReal,
    ]

    @Test func headerDefinesExactlyTheSwiftLayout() throws {
        let found = try Self.defines()
        #expect(found == Self.expected)
        #expect(found["BIOSREGS_EFLAGS"] == 0x3C)
        #expect(found["BOOTAPP_HDR_FIRMWARE"] == 0x30)
    }

    @Test func headerSignatureIsTheSwiftOne() throws {
        let text = try String(contentsOf: Self.header, encoding: .utf8)
        #expect(text.contains("#define BOOTAPP_SIGNATURE \"BOOT APP\""))
        #expect(P.signature == Array("BOOT APP".utf8))
    }
}
