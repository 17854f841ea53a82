/// Whole entries built from bcdedit's own steps (the editor's "new from template"). Each is
/// a sequence of the same edits the CLI makes, so the result is what the equivalent bcdedit
/// script would write.
public enum EntryTemplate: String, CaseIterable, Sendable {
    case winPERamdisk, windowsLoader, vhdBoot, bootManager, deviceOptions

    public var title: String {
        switch self {
        case .winPERamdisk: return "WinPE ramdisk entry (boot.wim + {ramdiskoptions})"
        case .windowsLoader: return "Windows OS loader"
        case .vhdBoot: return "VHD boot entry"
        case .bootManager: return "Boot manager {bootmgr}"
        case .deviceOptions: return "Device options object"
        }
    }

    public var defaultDescription: String {
        switch self {
        case .winPERamdisk: return "winpe boot image"
        case .windowsLoader: return "Windows"
        case .vhdBoot: return "Windows (VHD)"
        case .bootManager: return "Windows Boot Manager"
        case .deviceOptions: return "Device options"
        }
    }
}

extension BCDStore {
    /// Creates an entry from a template and returns its id. Loaders are appended to
    /// {bootmgr}'s displayorder when there is a boot manager.
    ///
    /// - winPERamdisk: reuses {ramdiskoptions} or creates it (ramdisksdidevice boot,
    ///   ramdisksdipath \Boot\boot.sdi), then an osloader with systemroot \Windows, detecthal
    ///   and winpe yes, device and osdevice `ramdisk=[boot]<wim>,{ramdiskoptions}`
    ///   (Microsoft's PXE WinPE script, as in the README).
    /// - windowsLoader: path \Windows\system32\winload.efi, systemroot \Windows, device and
    ///   osdevice boot (to be pointed at the right partition).
    /// - vhdBoot: as windowsLoader with device and osdevice `vhd=[locate]<file>`.
    /// - bootManager: {bootmgr} with a description and timeout 30.
    /// - deviceOptions: a device options object.
    @discardableResult
    public mutating func createEntry(_ template: EntryTemplate, description: String, file: String? = nil) throws(EditError) -> BCDGUID {
        switch template {
        case .winPERamdisk:
            let options = ObjectNames.ramdiskOptions
            if !contains(options) {
                try createObject(id: "{ramdiskoptions}", type: .device, description: "Ramdisk options")
                try setElement(object: "{ramdiskoptions}", element: "ramdisksdidevice", words: ["boot"])
                try setElement(object: "{ramdiskoptions}", element: "ramdisksdipath", words: ["\\Boot\\boot.sdi"])
            }
            let id = try createObject(id: nil, type: .osLoader, description: description)
            let device = "ramdisk=[boot]\(file ?? "\\Boot\\boot.wim"),{ramdiskoptions}"
            try setElement(object: id.braced, element: "systemroot", words: ["\\Windows"])
            try setElement(object: id.braced, element: "detecthal", words: ["yes"])
            try setElement(object: id.braced, element: "winpe", words: ["yes"])
            try setElement(object: id.braced, element: "osdevice", words: [device])
            try setElement(object: id.braced, element: "device", words: [device])
            try appendToDisplayOrder(id)
            return id
        case .windowsLoader, .vhdBoot:
            let id = try createObject(id: nil, type: .osLoader, description: description)
            let device = template == .vhdBoot ? "vhd=[locate]\(file ?? "\\windows.vhdx")" : "boot"
            try setElement(object: id.braced, element: "device", words: [device])
            try setElement(object: id.braced, element: "path", words: ["\\Windows\\system32\\winload.efi"])
            try setElement(object: id.braced, element: "osdevice", words: [device])
            try setElement(object: id.braced, element: "systemroot", words: ["\\Windows"])
            try appendToDisplayOrder(id)
            return id
        case .bootManager:
            let id = try createObject(id: "{bootmgr}", type: .bootManager, description: description)
            try setTimeout(30)
            return id
        case .deviceOptions:
            return try createObject(id: nil, type: .device, description: description)
        }
    }

    private mutating func appendToDisplayOrder(_ id: BCDGUID) throws(EditError) {
        guard contains(ObjectNames.bootManager) else { return }
        try editBootManagerList(ElementIDs.displayOrder, ids: [id.braced], mode: .addLast)
    }
}
