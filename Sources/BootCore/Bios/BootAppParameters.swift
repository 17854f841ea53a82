/// The boot application parameter block a BIOS boot application (bootmgr.exe, i386 PE) is entered
/// with: its entry point is called in 32-bit flat protected mode, paging off, with the block's
/// address as its one (stack) argument. The block starts with "BOOT APP" and holds offsets, from
/// its own start, to the descriptors that follow. docs/bios-boot.md gives the layout's sources.
///
/// The layout `build` writes (all little-endian; offsets from the block's start):
///   0x000 header (0x3C)                 0x03C memory data (0x14)
///   0x050 memory regions, 0x28 each     then the application entry (0x2C), its one BCD option
///   (0x18), that option's data (a 16-byte GUID, zero, then a device descriptor, 0x46), the boot
///   device descriptor (0x46, a copy), the firmware parameters (8), the return arguments (0x1C);
///   the header's size covers up to here. After it, outside the size: the callback block
///   (8: function table address, drive number) and the function table (8: callInterrupt, callReal).
public enum BootAppParameters {
    /// Header fields.
    public enum Header {
        public static let signature = 0x00      // 8 bytes "BOOT APP"
        public static let version = 0x08        // 2
        public static let size = 0x0C           // bytes of the block the offsets lie in
        public static let machine = 0x10        // COFF machine of the application: 0x014C, i386
        public static let translation = 0x14    // memory translation type: 0, none (paging off)
        public static let imageBase = 0x18      // 64 bits: where the PE image is loaded
        public static let imageSize = 0x20      // its size in memory
        public static let memoryDataOffset = 0x24
        public static let appEntryOffset = 0x28
        public static let bootDeviceOffset = 0x2C
        public static let firmwareOffset = 0x30
        public static let returnArgumentsOffset = 0x34
        // +0x38 reserved
        public static let length = 0x3C
    }
    public static let signature: [UInt8] = Array("BOOT APP".utf8)
    public static let version: UInt32 = 2
    public static let machineI386: UInt32 = 0x014C

    /// Memory data: how the region descriptors that follow it are laid out.
    public enum MemoryData {
        public static let version = 0x00        // 1
        public static let listOffset = 0x04     // from the memory data's start to the first region
        public static let count = 0x08
        public static let regionSize = 0x0C
        public static let regionDataOffset = 0x10  // bytes of list links at the start of each region
        public static let length = 0x14
    }
    /// One memory region descriptor: 8 bytes of list links (zero), then page numbers.
    public enum Region {
        public static let basePage = 0x08       // 64 bits, physical page (address / 4096)
        public static let virtualPage = 0x10    // 64 bits, 0
        public static let pageCount = 0x18      // 64 bits
        public static let attributes = 0x20     // 32 bits, 0
        public static let type = 0x24           // 32 bits
        public static let length = 0x28
    }
    /// Application entry ("BTAPENT\0", flags, GUID, 16 reserved bytes).
    public enum AppEntry {
        public static let flags = 0x08
        public static let guid = 0x0C
        public static let length = 0x2C
    }
    public static let appEntrySignature: [UInt8] = Array("BTAPENT".utf8) + [0]
    /// Flags of the entry: the value the boot programs that start bootmgr.exe pass.
    public static let appEntryFlags: UInt32 = 0x21
    /// A BCD option inside the entry: element type, offset of its data (from the option's start),
    /// size of the data, 12 reserved bytes (list offset, next option offset: none).
    public enum Option {
        public static let type = 0x00, dataOffset = 0x04, dataSize = 0x08, length = 0x18
    }
    /// The entry's one option: the application's device (BCD element 0x11000001).
    public static let applicationDeviceElement: UInt32 = 0x1100_0001
    /// Device descriptor: an MBR partition on a BIOS disk, found by disk signature and byte offset.
    public enum Device {
        public static let type = 0x00           // 6: the value used for this kind of device
        public static let size = 0x08           // 0x46
        public static let partitionOffset = 0x10  // bytes from the disk's start
        public static let signatureKind = 0x24  // 1: an MBR disk signature follows
        public static let diskSignature = 0x28
        public static let length = 0x46
    }
    public static let devicePartitionType: UInt32 = 6
    /// Firmware parameters in BIOS mode: the address of the callback block, 4 reserved bytes.
    public enum Firmware { public static let callback = 0x00, length = 0x08 }
    /// Return arguments: version 1, then status, flags, data size and page, written by the application.
    public enum ReturnArguments { public static let version = 0x00, length = 0x1C }
    /// Callback block: the address of the function table, the BIOS drive number of the boot disk.
    public enum Callback { public static let functions = 0x00, drive = 0x04, length = 0x08 }
    /// Function table: two cdecl functions taking a `BiosCallRegisters` block's address.
    public enum Functions { public static let callInterrupt = 0x00, callReal = 0x04, length = 0x08 }
    public static let pageSize: UInt64 = 4096

    /// What the loader knows when it enters the application.
    public struct Inputs {
        /// Physical address the block will live at (its internal pointers are absolute).
        public var address: UInt32
        public var imageBase: UInt32
        public var imageSize: UInt32
        public var regions: [BootAppMemoryRegion]
        /// Byte offset of the boot partition on the disk, and the disk's MBR signature.
        public var partitionOffset: UInt32
        public var diskSignature: UInt32
        /// BIOS drive number of the disk the application boots from (0x80 + n).
        public var drive: UInt32
        /// Addresses of the callbacks (32-bit cdecl, one `BiosCallRegisters *` argument).
        public var callInterrupt: UInt32
        public var callReal: UInt32

        public init(address: UInt32, imageBase: UInt32, imageSize: UInt32, regions: [BootAppMemoryRegion],
                    partitionOffset: UInt32, diskSignature: UInt32, drive: UInt32, callInterrupt: UInt32, callReal: UInt32) {
            self.address = address; self.imageBase = imageBase; self.imageSize = imageSize; self.regions = regions
            self.partitionOffset = partitionOffset; self.diskSignature = diskSignature; self.drive = drive
            self.callInterrupt = callInterrupt; self.callReal = callReal
        }
    }

    /// Where each part lies for `regionCount` regions (offsets from the block's start).
    public struct Layout: Equatable {
        public let memoryData: Int, regions: Int, appEntry: Int, option: Int, optionData: Int
        public let bootDevice: Int, firmware: Int, returnArguments: Int, size: Int
        public let callback: Int, functions: Int, total: Int

        public init(regionCount: Int) {
            memoryData = Header.length
            regions = memoryData + MemoryData.length
            appEntry = regions + regionCount * Region.length
            option = appEntry + AppEntry.length
            optionData = option + Option.length
            bootDevice = optionData + 16 + Device.length
            firmware = bootDevice + Device.length
            returnArguments = firmware + Firmware.length
            size = returnArguments + ReturnArguments.length
            callback = size
            functions = callback + Callback.length
            total = functions + Functions.length
        }
    }

    /// The block's bytes, to be copied to `inputs.address`.
    public static func build(_ inputs: Inputs) -> [UInt8] {
        let l = Layout(regionCount: inputs.regions.count)
        var b = [UInt8](repeating: 0, count: l.total)
        b.replaceSubrange(0..<8, with: signature)
        b.putLE(version, at: Header.version)
        b.putLE(UInt32(l.size), at: Header.size)
        b.putLE(machineI386, at: Header.machine)
        b.putLE(UInt64(inputs.imageBase), at: Header.imageBase)
        b.putLE(inputs.imageSize, at: Header.imageSize)
        b.putLE(UInt32(l.memoryData), at: Header.memoryDataOffset)
        b.putLE(UInt32(l.appEntry), at: Header.appEntryOffset)
        b.putLE(UInt32(l.bootDevice), at: Header.bootDeviceOffset)
        b.putLE(UInt32(l.firmware), at: Header.firmwareOffset)
        b.putLE(UInt32(l.returnArguments), at: Header.returnArgumentsOffset)

        b.putLE(UInt32(1), at: l.memoryData + MemoryData.version)
        b.putLE(UInt32(MemoryData.length), at: l.memoryData + MemoryData.listOffset)
        b.putLE(UInt32(inputs.regions.count), at: l.memoryData + MemoryData.count)
        b.putLE(UInt32(Region.length), at: l.memoryData + MemoryData.regionSize)
        b.putLE(UInt32(Region.basePage), at: l.memoryData + MemoryData.regionDataOffset)
        for (i, region) in inputs.regions.enumerated() {
            let at = l.regions + i * Region.length
            b.putLE(region.startPage, at: at + Region.basePage)
            b.putLE(region.pageCount, at: at + Region.pageCount)
            b.putLE(region.type, at: at + Region.type)
        }

        b.replaceSubrange(l.appEntry..<l.appEntry + 8, with: appEntrySignature)
        b.putLE(appEntryFlags, at: l.appEntry + AppEntry.flags)
        b.putLE(applicationDeviceElement, at: l.option + Option.type)
        b.putLE(UInt32(Option.length), at: l.option + Option.dataOffset)
        b.putLE(UInt32(16 + Device.length), at: l.option + Option.dataSize)
        putDevice(&b, at: l.optionData + 16, inputs)
        putDevice(&b, at: l.bootDevice, inputs)

        b.putLE(inputs.address + UInt32(l.callback), at: l.firmware + Firmware.callback)
        b.putLE(UInt32(1), at: l.returnArguments + ReturnArguments.version)
        b.putLE(inputs.address + UInt32(l.functions), at: l.callback + Callback.functions)
        b.putLE(inputs.drive, at: l.callback + Callback.drive)
        b.putLE(inputs.callInterrupt, at: l.functions + Functions.callInterrupt)
        b.putLE(inputs.callReal, at: l.functions + Functions.callReal)
        return b
    }

    static func putDevice(_ b: inout [UInt8], at: Int, _ inputs: Inputs) {
        b.putLE(devicePartitionType, at: at + Device.type)
        b.putLE(UInt32(Device.length), at: at + Device.size)
        b.putLE(inputs.partitionOffset, at: at + Device.partitionOffset)
        b.putLE(UInt32(1), at: at + Device.signatureKind)
        b.putLE(inputs.diskSignature, at: at + Device.diskSignature)
    }

    /// The memory region covering [start, end): whole pages, rounded outwards.
    public static func region(start: UInt64, end: UInt64, type: UInt32 = 0) -> BootAppMemoryRegion {
        let first = start / pageSize
        let last = (end + pageSize - 1) / pageSize
        return BootAppMemoryRegion(startPage: first, pageCount: last > first ? last - first : 0, type: type)
    }
}

/// One region the application must treat as in use (the loader, the application's image, the files).
public struct BootAppMemoryRegion: Equatable, Sendable {
    public var startPage: UInt64
    public var pageCount: UInt64
    /// Memory type; 0 is what the boot programs that start bootmgr.exe pass.
    public var type: UInt32
    public init(startPage: UInt64, pageCount: UInt64, type: UInt32 = 0) {
        self.startPage = startPage; self.pageCount = pageCount; self.type = type
    }
}
