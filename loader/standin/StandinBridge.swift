// The stand-in's view of the BCD: BootCore's boot-target resolver behind a C surface.
// Compiled with BootCore into its own Embedded Swift object (standin-swift.o), apart from the
// loader's swift.o, which needs ldr_* C functions the stand-in does not have.

nonisolated(unsafe) var standinTarget: BcdBootTarget? = nil
nonisolated(unsafe) var standinMessage: String = ""

/// Resolves the store in `bytes`: 0 = a boot target, 1 = not a readable hive, 2 = no
/// {bootmgr}, no default/displayorder, or the default entry is not in the store.
@_cdecl("standin_bcd_follow")
public func standinBcdFollow(_ bytes: UnsafePointer<UInt8>, _ size: UInt64) -> Int32 {
    standinTarget = nil
    do throws(BcdTargetError) {
        standinTarget = try BcdBootTarget.resolve(Array(UnsafeBufferPointer(start: bytes, count: Int(size))))
        standinMessage = ""
        return 0
    } catch {
        standinMessage = error.message
        if case .unreadable = error { return 1 }
        return 2
    }
}

/// Bits of the resolved target: 1 device element read, 2 ramdisk, 4 ramdisk image on `boot`,
/// 8 ramdisksdidevice is `boot`, 16 ramdisksdipath set.
@_cdecl("standin_bcd_flags")
public func standinBcdFlags() -> Int32 {
    guard let target = standinTarget else { return 0 }
    var flags: Int32 = 0
    if let device = target.device {
        flags |= 1
        if device.isRamdisk { flags |= 2 }
        if device.ramdiskParentIsBoot { flags |= 4 }
    }
    if target.sdiDeviceIsBoot == true { flags |= 8 }
    if target.sdiPath != nil { flags |= 16 }
    return flags
}

/// Copies a text of the target, as NUL-terminated ASCII (other characters become '?'):
/// 0 entry GUID, 1 ramdisk image path, 2 ramdisksdipath, 3 entry path, 4 why resolving failed.
@_cdecl("standin_bcd_text")
public func standinBcdText(_ field: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ capacity: Int) {
    guard capacity > 0 else { return }
    let text: String
    switch field {
    case 0: text = standinTarget?.entry ?? ""
    case 1: text = standinTarget?.device?.ramdiskPath ?? ""
    case 2: text = standinTarget?.sdiPath ?? ""
    case 3: text = standinTarget?.path ?? ""
    default: text = standinMessage
    }
    var n = 0
    for scalar in text.unicodeScalars where n < capacity - 1 {
        buffer[n] = scalar.value >= 0x20 && scalar.value < 0x7F ? UInt8(scalar.value) : 0x3F
        n += 1
    }
    buffer[n] = 0
}
