/// Device values in bcdedit's syntax, both ways. Partitions cannot be drive letters offline,
/// so they are named by the ids `blkid` shows: `gpt:PTUUID:PARTUUID` or
/// `mbr:PTUUID:OFFSET` (disk signature in hex, partition start in bytes).
///
///     boot
///     partition=gpt:67b32047-befa-4b22-906c-207b4b651b93:cd9844aa-402a-438d-9efd-b8f24a474cd6
///     partition=mbr:36234da4:1048576
///     ramdisk=[boot]\Boot\boot.wim,{ramdiskoptions}
///     file=[mbr:36234da4:1048576]\Workspace\boot.wim
///     vhd=[locate]\test.vhd            vhd=[boot]\x.vhd,locate=custom:12345678
///     locate    locate=custom:12000002    locate=\path\to\find
public enum DeviceSyntax {
    /// The locate element bcdedit implies when none is named (the object's `path`).
    static let defaultLocateElement: UInt32 = 0x1200_0002

    public static func format(_ device: DeviceElement, name: (BCDGUID) -> String) -> String {
        var text = format(device.descriptor)
        if let options = device.options { text += "," + name(options) }
        return text
    }

    static func format(_ descriptor: DeviceDescriptor) -> String {
        switch descriptor.kind {
        case .boot: return "boot"
        case .partition(let partition): return "partition=" + format(partition)
        case .ramdisk(_, let file): return "ramdisk=[\(parent(file))]\(file.path)"
        case .file(let file): return "file=[\(parent(file))]\(file.path)"
        case .locate(let locate):
            if locate.kind == 0, locate.string.isEmpty, let inner = locate.parent,
               case .virtualDisk(_, let disk) = inner.kind, case .file(let file) = disk.kind {
                let custom = locate.element == defaultLocateElement ? "" : ",locate=custom:" + hex(locate.element)
                return "vhd=[\(parent(file))]\(file.path)" + custom
            }
            if locate.kind == 1 { return "locate=" + locate.string }
            return locate.element == defaultLocateElement ? "locate" : "locate=custom:" + hex(locate.element)
        case .virtualDisk, .other: return "unknown"
        }
    }

    static func format(_ partition: PartitionIdentity) -> String {
        switch partition.style {
        case .gpt: return "gpt:\(partition.gptDisk!):\(partition.gptPartition!)"
        case .mbr: return "mbr:\(hex(partition.mbrSignature)):\(partition.mbrOffset)"
        }
    }

    private static func parent(_ file: FilePath) -> String {
        switch file.parent.kind {
        case .boot: return "boot"
        case .partition(let partition): return format(partition)
        case .locate(let locate) where locate.kind == 1 && locate.parent == nil:
            return locate.string == file.path ? "locate" : "locate=" + locate.string
        default: return format(file.parent)
        }
    }

    // MARK: parsing

    /// Parses bcdedit syntax; `resolve` turns an options object name into an id.
    public static func parse(_ text: String, resolve: (String) throws(EditError) -> BCDGUID) throws(EditError) -> DeviceElement {
        let lower = text.lowercased()
        if lower == "boot" { return DeviceElement(descriptor: bootDescriptor) }
        if lower == "locate" { return DeviceElement(descriptor: locateDescriptor(kind: 0, element: defaultLocateElement, string: "")) }
        if lower.hasPrefix("locate=custom:") {
            guard let element = UInt32(lower.dropFirst(14), radix: 16) else { throw .invalidDevice(text, reason: "custom: needs an 8-digit hex element id") }
            return DeviceElement(descriptor: locateDescriptor(kind: 0, element: element, string: ""))
        }
        if lower.hasPrefix("locate=") { return DeviceElement(descriptor: locateDescriptor(kind: 1, element: 0, string: String(text.dropFirst(7)))) }
        if lower.hasPrefix("partition=") {
            return DeviceElement(descriptor: DeviceDescriptor(kind: .partition(try partition(String(text.dropFirst(10)), whole: text))))
        }
        for kind in ["ramdisk", "file", "vhd"] where lower.hasPrefix(kind + "=") {
            return try pathDevice(kind: kind, rest: String(text.dropFirst(kind.count + 1)), whole: text, resolve: resolve)
        }
        throw .invalidDevice(text, reason: "expected boot, partition=, ramdisk=[...]\\path, file=[...]\\path, vhd=[...]\\path or locate")
    }

    private static func pathDevice(kind: String, rest: String, whole: String,
                                   resolve: (String) throws(EditError) -> BCDGUID) throws(EditError) -> DeviceElement {
        guard rest.hasPrefix("["), let close = rest.firstIndex(of: "]") else {
            throw .invalidDevice(whole, reason: "\(kind)= needs the parent device in brackets, e.g. \(kind)=[boot]\\path")
        }
        let parentText = String(rest[rest.index(after: rest.startIndex)..<close])
        var path = String(rest[rest.index(after: close)...])
        var options: BCDGUID?
        var locateElement = defaultLocateElement
        while let comma = path.lastIndex(of: ",") {
            let suffix = String(path[path.index(after: comma)...])
            if suffix.lowercased().hasPrefix("locate=custom:"), kind == "vhd" {
                guard let element = UInt32(suffix.dropFirst(14), radix: 16) else { throw .invalidDevice(whole, reason: "custom: needs a hex element id") }
                locateElement = element
            } else if suffix.hasPrefix("{") {
                options = try resolve(suffix)
            } else { break }
            path = String(path[..<comma])
        }
        guard path.hasPrefix("\\") else { throw .invalidDevice(whole, reason: "the path after ] must start with \\") }
        let parent = try parentDescriptor(parentText, path: path, whole: whole)
        let file = FilePath(parent: parent, path: path)
        switch kind {
        case "ramdisk":
            return DeviceElement(options: options, descriptor: DeviceDescriptor(flags: 1, kind: .ramdisk(RamdiskImage(), file)))
        case "file":
            return DeviceElement(options: options, descriptor: DeviceDescriptor(kind: .file(file)))
        default:
            let disk = DeviceDescriptor(kind: .virtualDisk(reserved: [UInt8](repeating: 0, count: 20), DeviceDescriptor(kind: .file(file))))
            return DeviceElement(options: options, descriptor: DeviceDescriptor(kind: .locate(
                Locate(kind: 0, element: locateElement, string: "", parent: disk))))
        }
    }

    private static func parentDescriptor(_ text: String, path: String, whole: String) throws(EditError) -> DeviceDescriptor {
        let lower = text.lowercased()
        if lower == "boot" { return bootDescriptor }
        if lower == "locate" { return locateDescriptor(kind: 1, element: 0, string: path) }
        if lower.hasPrefix("locate=") { return locateDescriptor(kind: 1, element: 0, string: String(text.dropFirst(7))) }
        return DeviceDescriptor(kind: .partition(try partition(text, whole: whole)))
    }

    private static func partition(_ text: String, whole: String) throws(EditError) -> PartitionIdentity {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, parts[0].lowercased() == "gpt" {
            guard let disk = BCDGUID(parts[1]), let part = BCDGUID(parts[2]) else {
                throw .invalidDevice(whole, reason: "gpt: needs the disk GUID and the partition GUID (blkid's PTUUID and PARTUUID)")
            }
            return .gpt(disk: disk, partition: part)
        }
        if parts.count == 3, parts[0].lowercased() == "mbr" {
            guard parts[1].count <= 8, let signature = UInt32(parts[1], radix: 16), let offset = UInt64(parts[2]) else {
                throw .invalidDevice(whole, reason: "mbr: needs the disk signature in hex (blkid's PTUUID) and the partition's start in bytes")
            }
            return .mbr(signature: signature, offset: offset)
        }
        if text.count == 2, text.hasSuffix(":") {
            throw .invalidDevice(whole, reason: "drive letters only exist on a running Windows; name the partition as gpt:PTUUID:PARTUUID or mbr:PTUUID:OFFSET")
        }
        throw .invalidDevice(whole, reason: "'\(text)' is not a partition: use gpt:PTUUID:PARTUUID or mbr:PTUUID:OFFSET (see blkid)")
    }

    static let bootDescriptor = DeviceDescriptor(kind: .boot(body: [UInt8](repeating: 0, count: 56)))

    static func locateDescriptor(kind: UInt32, element: UInt32, string: String) -> DeviceDescriptor {
        DeviceDescriptor(kind: .locate(Locate(kind: kind, element: element, string: string, parent: nil)))
    }
}
