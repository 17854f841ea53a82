import BCDKit
import BootCore

extension Checker {
    /// Rules 1-4 for one OS loader object: required elements, its ramdisk or VHD, and the files.
    mutating func checkOSLoader(_ object: BCDObject) {
        let id = object.id
        var missing: [UInt32] = []
        for element in [ElementIDs.device, ElementIDs.osDevice, ElementIDs.systemRoot] where object.value(element) == nil {
            missing.append(element)
        }
        for element in missing {
            let text = elementName(element, in: object)
            // Device and osdevice are normally equal: suggest the other one when it is set.
            let other = element == ElementIDs.device ? ElementIDs.osDevice : ElementIDs.device
            var example = "ramdisk=[boot]\\sources\\boot.wim,{ramdiskoptions}"
            if element == ElementIDs.systemRoot { example = "\\Windows" }
            else if case .device(let set)? = object.value(other) { example = describe(set) }
            add(Rules.elementMissing("an OS loader needs \(text), and this one has none",
                                     fix: "bcd set --store STORE \(name(of: id)) \(text) '\(example)'", object: id, element: element))
        }
        let loaderPath = osLoaderPath(object)
        if object.value(ElementIDs.path) == nil {
            add(Rules.pathDefault("not set: the boot manager loads \(loaderPath) from the OS device",
                                  fix: "none needed; or bcd set --store STORE \(name(of: id)) path \(loaderPath)", object: id, element: ElementIDs.path))
        }

        var device: DeviceElement?, osDevice: DeviceElement?
        if case .device(let d)? = object.value(ElementIDs.device) { device = d }
        if case .device(let d)? = object.value(ElementIDs.osDevice) { osDevice = d }
        let isRamdisk: (DeviceElement?) -> Bool = { if case .ramdisk? = $0?.descriptor.kind { return true } else { return false } }
        if isRamdisk(device) || isRamdisk(osDevice) {
            checkRamdisk(object, device: device, osDevice: osDevice, loaderPath: loaderPath)
        }
        for (element, candidate) in [(ElementIDs.device, device), (ElementIDs.osDevice, osDevice)] {
            if let candidate, let path = vhdPath(candidate.descriptor) {
                if element == ElementIDs.osDevice, device == osDevice { continue }  // same disk: check once
                checkVHD(path, object: object, element: element)
            }
        }
    }

    /// The file of a `vhd=` device (a locate descriptor around a virtual disk, or the disk itself).
    func vhdPath(_ descriptor: DeviceDescriptor) -> String? {
        switch descriptor.kind {
        case .virtualDisk(_, let inner):
            if case .file(let file) = inner.kind { return file.path }
            return nil
        case .locate(let locate):
            return locate.parent.flatMap { vhdPath($0) }
        default:
            return nil
        }
    }

    /// The OS loader's path as the boot manager will use it: the `path` element, or the default
    /// winload; in UEFI mode after the loader's .exe -> .efi patch of the BCD.
    func osLoaderPath(_ object: BCDObject) -> String {
        let uefi = options.firmware == .uefi
        guard case .string(let path)? = object.value(ElementIDs.path) else {
            return uefi ? "\\Windows\\System32\\boot\\winload.efi" : "\\Windows\\System32\\boot\\winload.exe"
        }
        guard uefi else { return path }
        // The same patch the loader applies to the BCD's bytes, applied to this string's UTF-16LE.
        var bytes = BcdText.bytes(of: Array(path.utf16))
        BcdExePatch.apply(to: &bytes)
        return String(decoding: BcdText.units(of: bytes), as: UTF16.self)
    }

    // MARK: 2. Ramdisk

    mutating func checkRamdisk(_ object: BCDObject, device: DeviceElement?, osDevice: DeviceElement?, loaderPath: String) {
        let id = object.id
        if let device, let osDevice, device != osDevice {
            add(Rules.ramdiskMismatch("device and osdevice differ: \(describe(device)) vs \(describe(osDevice))",
                                      fix: "set both to the same ramdisk=[boot]\\...\\boot.wim,{ramdiskoptions}", object: id, element: ElementIDs.osDevice))
        }
        let ramdisk = (device.flatMap { isRamdiskDevice($0) ? $0 : nil }) ?? osDevice!
        guard case .ramdisk(_, let wimPath) = ramdisk.descriptor.kind else { return }
        let ramdiskElement = isRamdiskDevice(device) ? ElementIDs.device : ElementIDs.osDevice

        if object.value(ElementIDs.winPE) != .boolean(true) {
            add(Rules.winpeUnset("boots a ramdisk (WinPE) but winpe is not set to yes",
                                 fix: "bcd set --store STORE \(name(of: id)) winpe yes", object: id, element: ElementIDs.winPE))
        }
        if let storeName = options.storeName, storeName.lowercased() != "bcd", file(named: "BCD") == nil {
            add(Rules.storeName("the store is served as \(storeName); the boot manager reads a file named BCD",
                                fix: "serve it as BCD (--file BCD=PATH, iPXE: imgfetch --name BCD)"))
        }

        // The options object: sdi device and path.
        var sdiPath: String?
        var sdiOnBoot = false
        if let optionsID = ramdisk.options {
            if let options = store[optionsID] {
                if options.type.kind != .device {
                    add(Rules.optionsType("ramdisk options \(name(of: optionsID)) is a \(typeName(options)), not a device object",
                                          fix: "bcd create --store STORE {ramdiskoptions} --d \"Ramdisk options\" and name it in the ramdisk device",
                                          object: id, element: ramdiskElement))
                }
                var lacks: [UInt32] = []
                let isDevice = options.type.kind == .device
                if case .device(let sdiDevice)? = options.value(ElementIDs.ramdiskSdiDevice) {
                    if case .boot = sdiDevice.descriptor.kind { sdiOnBoot = isDevice }
                } else { lacks.append(ElementIDs.ramdiskSdiDevice) }
                if case .string(let path)? = options.value(ElementIDs.ramdiskSdiPath) { sdiPath = path } else { lacks.append(ElementIDs.ramdiskSdiPath) }
                for element in lacks where isDevice {
                    let text = elementName(element, in: options)
                    add(Rules.sdiElementMissing("ramdisk options \(name(of: optionsID)) have no \(text)",
                                                fix: "bcd set --store STORE \(name(of: optionsID)) \(text) \(element == ElementIDs.ramdiskSdiPath ? "'\\Boot\\boot.sdi'" : "boot")",
                                                object: optionsID, element: element))
                }
            } else {
                add(Rules.optionsMissing("the ramdisk of \(name(of: id)) names options \(name(of: optionsID)), which is not in the store",
                                         fix: "bcd create --store STORE {ramdiskoptions} --d \"Ramdisk options\", with ramdisksdidevice and ramdisksdipath",
                                         object: id, element: ramdiskElement))
            }
        } else {
            add(Rules.optionsMissing("the ramdisk of \(name(of: id)) names no options object (where boot.sdi is)",
                                     fix: "bcd set --store STORE \(name(of: id)) \(elementName(ramdiskElement, in: object)) 'ramdisk=[boot]\(wimPath.path),{ramdiskoptions}'",
                                     object: id, element: ramdiskElement))
        }

        // Paths in the loader's virtual filesystem (only for files on the boot device it serves).
        guard case .boot = wimPath.parent.kind else { return }
        let wimFile = resolve(wimPath.path, object: id, element: ramdiskElement, what: "the WIM")
        if let sdiPath, sdiOnBoot, let optionsID = ramdisk.options {
            if let sdiFile = resolve(sdiPath, object: optionsID, element: ElementIDs.ramdiskSdiPath, what: "boot.sdi") {
                checkSDI(sdiFile, object: optionsID)
            }
        }
        if let wimFile { checkWIMContent(wimFile, object: object, loaderPath: loaderPath) }
    }

    func isRamdiskDevice(_ device: DeviceElement?) -> Bool {
        if case .ramdisk? = device?.descriptor.kind { return true }
        return false
    }

    func describe(_ device: DeviceElement) -> String {
        DeviceSyntax.format(device) { name(of: $0) }
    }

    /// The names the loader's virtual disk will hold: the supplied files, plus boot.sdi when the
    /// loader takes it from the WIM (BootCore's LoaderWimFiles.bootSDI, or for BIOS
    /// LoaderBiosFiles.bootSDI, taken when none is supplied). Computed once; reports a WIM the loader cannot extract it from.
    mutating func servedNames() -> [String] {
        if let served { return served }
        var names = files.map(\.name)
        // BIOS: the WIM's \\Windows\\Boot\\DVD\\PCAT\\boot.sdi (LoaderBiosFiles); UEFI: its EFI one.
        let bios = options.firmware == .bios
        let sdi = bios ? LoaderBiosFiles.bootSDI : LoaderWimFiles.bootSDI
        let inside = sdi.path
        let wanted = bios ? LoaderBiosFiles.isWanted(sdi, inputs: names) : LoaderWimFiles.isWanted(sdi, inputs: names)
        if wanted, let wimFile = loaderWIM, let (wim, image) = openImage(wimFile),
           let entry = try? wim.entry(image: image, path: inside), !entry.isDirectory {
            names.append(sdi.name)
            if let why = loaderCannotExtract(inside, from: wimFile) {
                add(Rules.wimUnsupported("the loader must extract boot.sdi from \(wimFile.name), but cannot: \(why)",
                                         fix: "supply boot.sdi separately (--file boot.sdi=PATH), or recapture with --compress=lzx and without --solid",
                                         file: wimFile.name))
            }
        }
        served = names
        return names
    }

    /// The supplied file a BCD path resolves to under the loader's rules (BootCore's
    /// VirtualPathRules), or nil after reporting why not. Without supplied files, only the
    /// directory part is checked.
    mutating func resolve(_ path: String, object: BCDGUID, element: UInt32, what: String) -> ServedFile? {
        var parts = VirtualPathRules.split(path)
        let fileName = parts.popLast() ?? ""
        if fileName.isEmpty || VirtualDirectories.index(of: parts) == nil {
            let working = VirtualPathRules.workingPaths(for: fileName.isEmpty ? "boot.wim" : fileName)
            add(Rules.pathOutside("\(what) path \(path) is not in one of the loader's directories, so it resolves to nothing",
                                  fix: "use one of: " + working.joined(separator: ", "), object: object, element: element))
            return nil
        }
        guard checksFiles else { return nil }
        let names = servedNames()
        guard let index = VirtualPathRules.resolve(path, among: names) else {
            add(Rules.fileMissing("\(what) path \(path) names \(fileName), which is not among the supplied files (\(files.map(\.name).joined(separator: ", ")))",
                                  fix: "supply it: --file \(fileName)=PATH (iPXE: imgfetch --name \(fileName))", object: object, element: element))
            return nil
        }
        return index < files.count ? files[index] : nil  // taken from the WIM: nothing more to check here
    }

    // MARK: 3. SDI

    mutating func checkSDI(_ file: ServedFile, object: BCDGUID) {
        guard usable.contains(file.path), let source = HostFile(path: file.path) else { return }
        let report = SdiReader.read(source)
        for finding in report.findings {
            switch finding.level {
            case .error:
                add(Rules.sdiInvalid("\(file.name): \(finding.message)",
                                     fix: "use WinPE's boot.sdi, or build one: bcd sdi make NTFS-IMAGE -o boot.sdi", object: object,
                                     element: ElementIDs.ramdiskSdiPath, file: file.name))
            case .warning:
                add(Rules.sdiUnusual("\(file.name): \(finding.message)", fix: "use WinPE's boot.sdi if the boot fails",
                                     object: object, element: ElementIDs.ramdiskSdiPath, file: file.name))
            case .info:
                break
            }
        }
        if report.isValid, report.blob(ofType: "PART") == nil {
            add(Rules.sdiInvalid("\(file.name) has no PART blob (an NTFS volume for the ramdisk)",
                                 fix: "build one: bcd sdi make NTFS-IMAGE -o boot.sdi", object: object,
                                 element: ElementIDs.ramdiskSdiPath, file: file.name))
        }
    }

    // MARK: 3. WIM content

    mutating func checkWIMContent(_ file: ServedFile, object: BCDObject, loaderPath: String) {
        guard let (wim, image) = openImage(file) else { return }
        let id = object.id
        let pathElement = object.value(ElementIDs.path) == nil ? nil : ElementIDs.path
        do throws(WimFile.Failure) {
            let loader = try wim.entry(image: image, path: loaderPath)
            if loader == nil || loader!.isDirectory {
                add(Rules.wimLoaderMissing("image \(image) of \(file.name) has no \(loaderPath) (the OS loader of \(name(of: id)))",
                                           fix: "set path to the image's winload (bcd set --store STORE \(name(of: id)) path \\Windows\\System32\\boot\\winload.\(options.firmware == .uefi ? "efi" : "exe")), or boot another image (--index)",
                                           object: id, element: pathElement ?? ElementIDs.device, file: file.name))
            }
            if case .string(let root)? = object.value(ElementIDs.systemRoot) {
                let entry = try wim.entry(image: image, path: root)
                if entry == nil || !entry!.isDirectory {
                    add(Rules.wimSystemRootMissing("image \(image) of \(file.name) has no directory \(root) (systemroot of \(name(of: id)))",
                                                   fix: "bcd set --store STORE \(name(of: id)) systemroot \\Windows",
                                                   object: id, element: ElementIDs.systemRoot, file: file.name))
                }
            }
        } catch {
            add(Rules.wimUnreadable("\(file.name): cannot read image \(image): \(error.message)",
                                    fix: "supply a complete WIM (check it with `wiminfo --check`)", file: file.name))
            return
        }
        if let arch = wim.architecture(image: image) {
            let fits: Bool
            switch options.firmware {
            case .uefi: fits = arch == .x64
            case .bios: fits = arch == .x64 || arch == .x86
            }
            if !fits {
                let target = options.firmware == .uefi ? "x64 UEFI" : "x86/x64 BIOS"
                add(Rules.wimArchitecture("image \(image) of \(file.name) is \(arch); the target is \(target)",
                                          fix: "use a WinPE of the target's architecture (or the other --uefi/--bios)",
                                          object: id, element: ElementIDs.device, file: file.name))
            }
        }
    }
}
