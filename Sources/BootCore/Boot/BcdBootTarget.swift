/// What a boot manager boots from a BCD store: {bootmgr}'s default entry (element 23000003,
/// REG_SZ GUID), else the first of its displayorder (24000001, REG_MULTI_SZ); that entry's
/// device (11000001) and path (12000002); and from the device's options object (for a
/// ramdisk, {ramdiskoptions}) ramdisksdidevice (31000003) and ramdisksdipath (32000004).
public struct BcdBootTarget: Equatable {
    /// "{guid}", lowercase.
    public var entry: String
    /// nil when the entry has no device element, or one too short to read.
    public var device: BcdDeviceSummary?
    public var path: String?
    public var sdiPath: String?
    /// Whether ramdisksdidevice is `boot`; nil when the options object does not set it.
    public var sdiDeviceIsBoot: Bool?

    static let bootManager = BcdGuid.bootManager.braced

    /// Follows `bcd` (the store's hive bytes) from {bootmgr} to the entry it boots.
    public static func resolve(_ bcd: [UInt8]) throws(BcdTargetError) -> BcdBootTarget {
        let hive: RegistryHive, objects: RegistryKeyNode
        do throws(RegistryError) {
            hive = try RegistryHive(bytes: bcd)
            objects = try hive.key(path: "Objects")
        } catch {
            throw .unreadable(error)
        }
        guard let manager = try? hive.key(path: bootManager, from: objects) else { throw .noBootManager }
        guard let entry = defaultEntry(hive, manager) else { throw .noDefaultEntry }
        guard let entryKey = try? hive.key(path: entry, from: objects) else { throw .missingEntry(entry) }
        var target = BcdBootTarget(entry: asciiLowercased(entry))
        target.device = element(hive, entryKey, BcdElementID.device).flatMap { BcdDeviceSummary(bytes: $0) }
        target.path = element(hive, entryKey, BcdElementID.path).map { BcdText.string($0) }
        if let options = target.device?.options, let optionsKey = try? hive.key(path: options, from: objects) {
            target.sdiPath = element(hive, optionsKey, BcdElementID.ramdiskSdiPath).map { BcdText.string($0) }
            target.sdiDeviceIsBoot = element(hive, optionsKey, BcdElementID.ramdiskSdiDevice).map { BcdDeviceSummary(bytes: $0)?.descriptorType == 5 }
        }
        return target
    }

    public init(entry: String) { self.entry = entry }

    /// Data of `object`'s Elements\<id>\Element, or nil when absent or unreadable.
    static func element(_ hive: RegistryHive, _ object: RegistryKeyNode, _ id: UInt32) -> [UInt8]? {
        guard let key = try? hive.key(path: "Elements\\" + BcdElementType(rawValue: id).keyName, from: object),
              let value = try? hive.value(of: key, named: "Element") else { return nil }
        return try? hive.data(of: value)
    }

    static func defaultEntry(_ hive: RegistryHive, _ manager: RegistryKeyNode) -> String? {
        if let data = element(hive, manager, BcdElementID.defaultObject) {
            let text = BcdText.string(data)
            if !text.isEmpty { return text }
        }
        return element(hive, manager, BcdElementID.displayOrder).flatMap { BcdText.strings($0).first }
    }
}

/// Why no boot target could be found; the boot manager's status for it is 0xc0000225
/// (STATUS_NOT_FOUND), or 0xc000000f when the store cannot be read at all.
public enum BcdTargetError: Error, Equatable {
    case unreadable(RegistryError)
    case noBootManager
    case noDefaultEntry
    case missingEntry(String)

    public var message: String {
        switch self {
        case .unreadable(let error): return "the BCD cannot be read: " + error.message
        case .noBootManager: return "the BCD has no {bootmgr} object"
        case .noDefaultEntry: return "{bootmgr} has no default and no displayorder"
        case .missingEntry(let guid): return "the default entry \(guid) is not in the store"
        }
    }
}
