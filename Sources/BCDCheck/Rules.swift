/// Every rule `check` applies (docs/check.md lists them with their meaning and fix).
public enum Rules {
    // 1. Store
    static let bootmgrMissing = Rule(id: "store.bootmgr-missing", severity: .error, summary: "the store has no {bootmgr} object")
    static let nothingToBoot = Rule(id: "store.nothing-to-boot", severity: .error, summary: "{bootmgr} has no default, displayorder or bootsequence")
    static let defaultMissing = Rule(id: "store.default-missing", severity: .error, summary: "default names an object that is not in the store")
    static let defaultType = Rule(id: "store.default-type", severity: .error, summary: "default names an object that is not a boot application")
    static let defaultNotListed = Rule(id: "store.default-not-in-displayorder", severity: .warning, summary: "default is not in displayorder")
    static let referenceMissing = Rule(id: "store.reference-missing", severity: .warning, summary: "a displayorder/toolsdisplayorder/bootsequence/resumeobject/inherit/recoverysequence entry names an object that is not in the store")
    static let referenceType = Rule(id: "store.reference-type", severity: .warning, summary: "a reference names an object of the wrong type")
    static let timeout = Rule(id: "store.timeout", severity: .warning, summary: "the timeout is implausibly long")
    static let elementMissing = Rule(id: "store.element-missing", severity: .error, summary: "an OS loader lacks device, osdevice or systemroot")
    static let pathDefault = Rule(id: "store.path-default", severity: .note, summary: "an OS loader has no path; the boot manager uses the default winload")
    static let unknownType = Rule(id: "store.unknown-type", severity: .note, summary: "an object has a type this tool does not know")

    // 2. Ramdisk entries
    static let ramdiskMismatch = Rule(id: "ramdisk.device-mismatch", severity: .error, summary: "device and osdevice are not the same ramdisk")
    static let optionsMissing = Rule(id: "ramdisk.options-missing", severity: .error, summary: "the ramdisk options object is not named or not in the store")
    static let optionsType = Rule(id: "ramdisk.options-type", severity: .error, summary: "the ramdisk options object is not a device object")
    static let sdiElementMissing = Rule(id: "ramdisk.sdi-missing", severity: .error, summary: "the ramdisk options lack ramdisksdidevice or ramdisksdipath")
    static let winpeUnset = Rule(id: "ramdisk.winpe-unset", severity: .warning, summary: "a ramdisk OS loader does not set winpe yes")
    static let storeName = Rule(id: "ramdisk.store-name", severity: .error, summary: "the store is not served as BCD")
    static let pathOutside = Rule(id: "ramdisk.path-outside", severity: .error, summary: "a path lies outside the loader's nine directories")
    static let fileMissing = Rule(id: "ramdisk.file-missing", severity: .error, summary: "a path names a file that is not supplied")

    // 3. Files
    static let duplicateName = Rule(id: "files.duplicate-name", severity: .error, summary: "two supplied files share a name")
    static let unreadable = Rule(id: "files.unreadable", severity: .error, summary: "a supplied file is missing, not a regular file, or unreadable")
    static let tooLarge = Rule(id: "files.too-large", severity: .error, summary: "a supplied file exceeds 4 GiB - 1 (the virtual FAT limit)")
    static let virtualDisk = Rule(id: "files.virtual-disk", severity: .error, summary: "the loader cannot build its virtual disk from these names (invalid or reserved name, too many files)")
    static let memoryTooSmall = Rule(id: "files.memory", severity: .warning, summary: "the guest memory set by hand (--memory) is too small for the served files")
    static let sdiInvalid = Rule(id: "sdi.invalid", severity: .error, summary: "boot.sdi is not a valid SDI with an NTFS PART blob")
    static let sdiUnusual = Rule(id: "sdi.unusual", severity: .warning, summary: "boot.sdi has something unusual that may not boot")
    static let wimUnreadable = Rule(id: "wim.unreadable", severity: .error, summary: "the WIM cannot be opened")
    static let wimNoImage = Rule(id: "wim.no-image", severity: .error, summary: "the WIM has no image to boot (no boot index, or --index out of range)")
    static let wimLoaderMissing = Rule(id: "wim.osloader-missing", severity: .error, summary: "the image lacks the OS loader path")
    static let wimSystemRootMissing = Rule(id: "wim.systemroot-missing", severity: .error, summary: "the image lacks the systemroot directory")
    static let wimUnsupported = Rule(id: "wim.unsupported", severity: .error, summary: "the loader cannot extract from this WIM (LZMS, solid, split) and needs to")
    static let wimArchitecture = Rule(id: "wim.architecture", severity: .error, summary: "the image's architecture does not match the target")
    static let wimInject = Rule(id: "wim.inject", severity: .note, summary: "the loose files the loader injects into \\Windows\\System32 of the WIM's image")
    static let wimInjectReplaces = Rule(id: "wim.inject-replaces", severity: .warning, summary: "an injected file replaces one of the image's own")
    static let wimInjectUnused = Rule(id: "wim.inject-unused", severity: .warning, summary: "an injected file WinPE will never use (startnet.cmd with a winpeshl.ini that launches something else)")
    static let wimInjectRefused = Rule(id: "wim.inject-refused", severity: .warning, summary: "the loose files cannot be injected (the WIM is served as it is)")
    static let bootManagerMissing = Rule(id: "bootmgr.missing", severity: .error, summary: "no boot manager is supplied or in the WIM")
    static let bootManagerChoice = Rule(id: "bootmgr.choice", severity: .note, summary: "the loader has two boot managers to try: which it starts, and the fallback should Secure Boot refuse it")
    static let bootManagerSigner = Rule(id: "bootmgr.signer", severity: .note, summary: "which CA signed the boot manager that starts (and its fallback), from the PE's Authenticode signature")
    static let bootManagerSigned2011 = Rule(id: "bootmgr.secure-boot-2011", severity: .warning, summary: "Secure Boot is requested and the only Windows boot manager is signed by the Windows Production PCA 2011, which the 2023 revocations put in dbx")

    // 4. VHD entries
    static let vhdMissing = Rule(id: "vhd.file-missing", severity: .error, summary: "the VHD is neither supplied nor on disk")
    static let vhdInvalid = Rule(id: "vhd.invalid", severity: .error, summary: "the VHD/VHDX header is not valid")
    static let vhdType = Rule(id: "vhd.type", severity: .note, summary: "the VHD's type (fixed, dynamic, differencing)")
    static let vhdParentMissing = Rule(id: "vhd.parent-missing", severity: .error, summary: "a differencing disk's parent is not found")

    public static let all: [Rule] = [
        storeUnreadable, bootmgrMissing, nothingToBoot, defaultMissing, defaultType, defaultNotListed, referenceMissing, referenceType,
        timeout, elementMissing, pathDefault, unknownType,
        ramdiskMismatch, optionsMissing, optionsType, sdiElementMissing, winpeUnset, storeName, pathOutside, fileMissing,
        duplicateName, unreadable, tooLarge, virtualDisk, memoryTooSmall, sdiInvalid, sdiUnusual, wimUnreadable, wimNoImage, wimLoaderMissing,
        wimSystemRootMissing, wimUnsupported, wimArchitecture, wimInject, wimInjectReplaces, wimInjectUnused, wimInjectRefused, bootManagerMissing, bootManagerChoice,
        bootManagerSigner, bootManagerSigned2011,
        vhdMissing, vhdInvalid, vhdType, vhdParentMissing,
    ]
}

extension Rules {
    static let storeUnreadable = Rule(id: "store.unreadable", severity: .error, summary: "the store file cannot be read as a BCD store")

    /// The finding for a store file that cannot be opened (reported by `bcd check` itself).
    public static func unreadableStore(_ message: String) -> Diagnostic {
        storeUnreadable(message, fix: "give the path of a BCD store (a registry hive written by bcdedit or bcd)")
    }
}
