/// The application's side of `BootAppParameters`: what a BIOS boot application (our stand-in)
/// takes from the block it was entered with. Every offset is checked against the block's size.
public struct BootAppReceived: Equatable {
    public var imageBase: UInt64
    public var imageSize: UInt32
    public var regions: [BootAppMemoryRegion]
    public var partitionOffset: UInt32
    public var diskSignature: UInt32
    /// Address of the callback block (function table address, drive number), from the firmware parameters.
    public var callbackAddress: UInt32
}

public enum BootAppParametersError: Error, Equatable {
    case tooShort(Int)
    case badSignature
    case unsupportedVersion(UInt32)
    case offsetOutOfRange(String)
    case badDevice

    /// One line for the boot console.
    public var message: String {
        switch self {
        case .tooShort(let n): return "boot application parameters: \(n) bytes, fewer than a header"
        case .badSignature: return "boot application parameters: no BOOT APP signature"
        case .unsupportedVersion(let v): return "boot application parameters: version \(v), expected 2"
        case .offsetOutOfRange(let what): return "boot application parameters: \(what) lies outside the block"
        case .badDevice: return "boot application parameters: the boot device is not an MBR partition"
        }
    }
}

extension BootAppParameters {
    /// Reads a block: `bytes` holds at least the header's size of bytes from the block's start.
    public static func read(_ bytes: [UInt8]) throws(BootAppParametersError) -> BootAppReceived {
        guard bytes.count >= Header.length, let declared = bytes.le32(at: Header.size) else { throw .tooShort(bytes.count) }
        guard Array(bytes[0..<8]) == signature else { throw .badSignature }
        let v = bytes.le32(at: Header.version) ?? 0
        guard v == version else { throw .unsupportedVersion(v) }
        let size = min(Int(declared), bytes.count)
        guard size >= Header.length else { throw .tooShort(size) }
        func offset(_ field: Int, _ length: Int, _ what: String) throws(BootAppParametersError) -> Int {
            let o = Int(bytes.le32(at: field) ?? 0)
            guard o >= Header.length, o <= size - length else { throw .offsetOutOfRange(what) }
            return o
        }
        let memory = try offset(Header.memoryDataOffset, MemoryData.length, "the memory data")
        let count = Int(bytes.le32(at: memory + MemoryData.count) ?? 0)
        let stride = Int(bytes.le32(at: memory + MemoryData.regionSize) ?? 0)
        let list = memory + Int(bytes.le32(at: memory + MemoryData.listOffset) ?? 0)
        let dataAt = Int(bytes.le32(at: memory + MemoryData.regionDataOffset) ?? 0)
        // Region fields are read relative to the data offset (the links before it vary in size).
        guard count <= 1024, stride >= dataAt + Region.length - Region.basePage, list >= memory,
              list + count * stride <= size else { throw .offsetOutOfRange("the memory regions") }
        var regions: [BootAppMemoryRegion] = []
        for i in 0..<count {
            let at = list + i * stride + dataAt - Region.basePage
            regions.append(BootAppMemoryRegion(startPage: bytes.le64(at: at + Region.basePage) ?? 0,
                                               pageCount: bytes.le64(at: at + Region.pageCount) ?? 0,
                                               type: bytes.le32(at: at + Region.type) ?? 0))
        }
        let device = try offset(Header.bootDeviceOffset, Device.length, "the boot device")
        guard bytes.le32(at: device + Device.type) == devicePartitionType,
              bytes.le32(at: device + Device.signatureKind) == 1 else { throw .badDevice }
        let firmware = try offset(Header.firmwareOffset, Firmware.length, "the firmware parameters")
        return BootAppReceived(imageBase: bytes.le64(at: Header.imageBase) ?? 0, imageSize: bytes.le32(at: Header.imageSize) ?? 0,
                               regions: regions, partitionOffset: bytes.le32(at: device + Device.partitionOffset) ?? 0,
                               diskSignature: bytes.le32(at: device + Device.diskSignature) ?? 0,
                               callbackAddress: bytes.le32(at: firmware + Firmware.callback) ?? 0)
    }
}
