import BCDKit
import BootCore

/// Will this store boot with these files? Every finding, in rule order (store, ramdisk,
/// files, VHD). The store is taken in memory, so an editor can check after every edit.
/// File checks run only when files are supplied (or, for VHDs, a search directory is given).
public func check(store: BCDStore, files: [ServedFile], options: CheckOptions) -> [Diagnostic] {
    var checker = Checker(store: store, files: files, options: options)
    checker.run()
    return checker.diagnostics
}

/// Element ids the checks need beyond BCDKit's ElementIDs.
enum MoreElementIDs {
    static let osLoaderResumeObject: UInt32 = 0x2300_0003
}

struct Checker {
    let store: BCDStore
    let files: [ServedFile]
    let options: CheckOptions
    var diagnostics: [Diagnostic] = []
    /// WIMs opened with wimlib, by host path (a failure is reported once).
    var wims: [String: Result<WimFile, WimFile.Failure>] = [:]
    /// Supplied files whose host file is usable (a readable regular file).
    var usable: Set<String> = []
    /// The image chosen in each WIM (nil inside: none, already reported).
    var images: [String: Int?] = [:]
    /// The names the loader's virtual disk will hold (see servedNames()).
    var served: [String]?
    /// The boot managers the loader will try, in order, once checkBootManager has run (UEFI).
    var bootManagerCandidates: [String] = []

    init(store: BCDStore, files: [ServedFile], options: CheckOptions) {
        self.store = store
        self.files = files
        self.options = options
    }

    var checksFiles: Bool { !files.isEmpty }

    mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func run() {
        checkStore()
        if checksFiles { checkServedFiles() }
        for object in store.objects where isOSLoader(object) {
            checkOSLoader(object)
        }
        if checksFiles { checkBootManager() }
        if checksFiles { checkInjection() }
    }

    // MARK: Names

    func name(of id: BCDGUID) -> String { ObjectNames.alias(for: id) ?? id.braced }

    func elementName(_ element: UInt32, in object: BCDObject) -> String {
        ElementNames.name(for: ElementType(rawValue: element), in: object.type)
    }

    func isOSLoader(_ object: BCDObject) -> Bool {
        object.type.kind == .application && object.type.applicationScope == .osLoader
    }

    func file(named name: String) -> ServedFile? {
        files.first { $0.name.lowercased() == name.lowercased() }
    }

    // MARK: 3. Served files (names, readability, size)

    mutating func checkServedFiles() {
        var seen: [String: String] = [:]
        var sizes: [(String, UInt64)] = []
        defer {
            checkVirtualDisk(sizes: sizes)
            checkMemory(servedBytes: sizes.reduce(0) { $0 + $1.1 })
        }
        for file in files {
            let key = file.name.lowercased()
            if let first = seen[key] {
                add(Rules.duplicateName("two supplied files are named \(file.name): \(first) and \(file.path)",
                                        fix: "supply each name once; the loader serves only one of them", file: file.name))
            } else {
                seen[key] = file.path
            }
            switch HostFileStatus.of(file.path) {
            case .missing(let why):
                add(Rules.unreadable("\(file.path): \(why)", fix: "give the path of an existing file", file: file.name))
            case .directory:
                add(Rules.unreadable("\(file.path) is a directory, not a file", fix: "give the path of a regular file", file: file.name))
            case .other:
                add(Rules.unreadable("\(file.path) is not a regular file", fix: "give the path of a regular file", file: file.name))
            case .regular(let size):
                if HostFile(path: file.path) == nil {
                    add(Rules.unreadable("\(file.path) cannot be read", fix: "check its permissions", file: file.name))
                } else {
                    usable.insert(file.path)
                }
                if size <= 0xFFFF_FFFF, seen[file.name.lowercased()] == file.path, !sizes.contains(where: { $0.0.lowercased() == file.name.lowercased() }) {
                    sizes.append((file.name, size))
                }
                if size > 0xFFFF_FFFF {
                    add(Rules.tooLarge("\(file.name) is \(size) bytes; the loader's FAT disk holds files up to 4 GiB - 1",
                                       fix: "make it smaller (e.g. recapture the WIM with --compress=lzx, or remove images)",
                                       file: file.name))
                }
            }
        }
    }

    /// A hand-set guest memory against what the files need (GuestMemory).
    mutating func checkMemory(servedBytes: UInt64) {
        guard let memory = options.memory, let problem = GuestMemory.problem(explicit: memory, servedBytes: servedBytes) else { return }
        add(Rules.memoryTooSmall(problem, fix: "leave --memory out, or pass --memory \(GuestMemory.needed(servedBytes: servedBytes))"))
    }

    /// The loader's own verdict on the names and sizes: BootCore's virtual FAT disk, built as the
    /// loader builds it, from the files not already reported (duplicates, too large, unreadable).
    mutating func checkVirtualDisk(sizes: [(String, UInt64)]) {
        let entries = sizes.map { VirtualFatFile(name: $0.0, source: SizeOnlySource(count: $0.1)) }
        do throws(VirtualDiskError) {
            _ = try VirtualFatDisk(files: entries)
        } catch {
            var file: String?
            switch error {
            case .invalidName(let name), .reservedName(let name), .noShortName(let name): file = name
            default: file = nil
            }
            add(Rules.virtualDisk("the loader cannot build its virtual disk: \(error.message)",
                                  fix: "rename or drop the file (names: printable ASCII, not \(VirtualDirectories.reservedNames.joined(separator: "/")))",
                                  file: file))
        }
    }

    // MARK: WIMs

    mutating func wim(_ file: ServedFile) -> WimFile? {
        guard usable.contains(file.path) else { return nil }
        if let cached = wims[file.path] { return try? cached.get() }
        let result: Result<WimFile, WimFile.Failure>
        do throws(WimFile.Failure) { result = .success(try WimFile(path: file.path)) } catch { result = .failure(error) }
        wims[file.path] = result
        if case .failure(let failure) = result {
            add(Rules.wimUnreadable("\(file.path) is not a usable WIM: \(failure.message)",
                                    fix: "supply a complete WIM (check it with `wiminfo --check`)", file: file.name))
        }
        return try? result.get()
    }

    /// The WIM `file` and the image to boot in it, or nil after reporting (once) why not.
    mutating func openImage(_ file: ServedFile) -> (WimFile, Int)? {
        guard let wim = wim(file) else { return nil }
        if let known = images[file.path] { return known.map { (wim, $0) } }
        let image = bootImage(of: wim, file: file)
        images[file.path] = .some(image)
        return image.map { (wim, $0) }
    }

    /// The image to boot in `wim`, or nil after reporting why there is none.
    mutating func bootImage(of wim: WimFile, file: ServedFile) -> Int? {
        let chosen = LoaderWimChoice.image(requested: options.imageIndex, bootIndex: wim.bootIndex)
        if let index = options.imageIndex {
            guard index >= 1, index <= wim.imageCount else {
                add(Rules.wimNoImage("\(file.name) has \(wim.imageCount) image(s); there is no image \(index)",
                                     fix: "choose an index from 1 to \(wim.imageCount)", file: file.name))
                return nil
            }
            return index
        }
        // Stricter than the loader, which falls back to image 1 without a boot index.
        guard wim.bootIndex >= 1, chosen <= wim.imageCount else {
            add(Rules.wimNoImage("\(file.name) marks no bootable image (boot index \(wim.bootIndex), \(wim.imageCount) image(s))",
                                 fix: "mark one: `wiminfo \(file.name) 1 --boot`, or pass --index N (the loader's index=N)",
                                 file: file.name))
            return nil
        }
        return chosen
    }

    /// Why the loader (BootCore, as the loader runs it) cannot extract `path` from `file`, or nil
    /// when it can: open the archive, choose the image as the loader does (index=, else the boot
    /// index, else 1), look the file up and decompress it.
    func loaderCannotExtract(_ path: String, from file: ServedFile) -> String? {
        guard let source = HostFile(path: file.path) else { return "cannot be read" }
        do throws(WIMError) {
            let archive = try WIMArchive(source: source)
            if archive.info.hasSolidResources { return WIMError.unsupported(.solidResource).message }
            let image = try archive.image(LoaderWimChoice.image(requested: options.imageIndex, bootIndex: archive.info.bootIndex))
            let entry = try image.lookup(path)
            _ = try archive.readAll(entry)
            return nil
        } catch {
            return error.message
        }
    }

    /// The WIM the loader takes missing files from (BootCore's LoaderWimChoice).
    var loaderWIM: ServedFile? {
        LoaderWimChoice.wim(among: files.map(\.name)).map { files[$0] }
    }

    // MARK: 3. Boot manager

    mutating func checkBootManager() {
        guard options.firmware == .uefi else { return checkBiosBootManager() }
        let supplied = files.map(\.name)
        if LoaderBootManager.choice(among: supplied) != nil {
            // Supplied: the WIM's boot managers of other names are taken only if the loader can.
            let extra = loaderWIM.map { wimBootManagers(in: $0, supplied: supplied, quietly: true) } ?? []
            noteBootManagers(LoaderBootManager.candidateNames(supplied: supplied, inWIM: extra), supplied: supplied)
            return
        }
        let paths = LoaderWimFiles.bootManagers.map(\.path).joined(separator: " or ")
        let fix = "supply bootmgfw.efi (--file bootmgfw.efi=PATH), or a WIM whose image has \(paths)"
        guard let wimFile = loaderWIM else {
            add(Rules.bootManagerMissing("no boot manager: none of \(LoaderBootManager.names.joined(separator: ", ")) is supplied, and there is no WIM to take it from", fix: fix))
            return
        }
        guard let (_, image) = openImage(wimFile) else { return }
        let inWIM = wimBootManagers(in: wimFile, supplied: supplied, quietly: false)
        guard !inWIM.isEmpty else {
            add(Rules.bootManagerMissing("no boot manager: none supplied, and image \(image) of \(wimFile.name) has no \(paths)",
                                         fix: fix, file: wimFile.name))
            return
        }
        for file in LoaderWimFiles.bootManagers where inWIM.contains(file.name) {
            if let why = loaderCannotExtract(file.path, from: wimFile) {
                add(Rules.wimUnsupported("the loader must extract the boot manager from \(wimFile.name), but cannot: \(why)",
                                         fix: "supply the boot manager separately (--file \(file.name)=PATH), or recapture with --compress=lzx and without --solid",
                                         file: wimFile.name))
                return
            }
        }
        noteBootManagers(LoaderBootManager.candidateNames(supplied: supplied, inWIM: inWIM), supplied: supplied)
    }

    /// What is said about the boot managers the loader will try: which starts, who signed them.
    mutating func noteBootManagers(_ candidates: [String], supplied: [String]) {
        bootManagerCandidates = candidates
        noteBootManagerChoice(candidates, supplied: supplied)
        noteBootManagerSigners(candidates, supplied: supplied)
    }

    /// The names of LoaderWimFiles.bootManagers the loader wants and the WIM's chosen image holds.
    /// `quietly`: they are optional (a candidate is supplied), so a WIM the loader cannot open or
    /// extract them from is no finding and they are simply not taken.
    mutating func wimBootManagers(in wimFile: ServedFile, supplied: [String], quietly: Bool) -> [String] {
        let wanted = LoaderWimFiles.bootManagers.filter { LoaderWimFiles.isWanted($0, inputs: supplied) }
        guard !wanted.isEmpty else { return [] }
        let opened: (WimFile, Int)?
        if quietly {
            guard let wim = try? WimFile(path: wimFile.path) else { return [] }
            opened = (wim, LoaderWimChoice.image(requested: options.imageIndex, bootIndex: wim.bootIndex))
        } else {
            opened = openImage(wimFile)
        }
        guard let (wim, image) = opened else { return [] }
        return wanted.filter { file in
            guard let entry = (try? wim.entry(image: image, path: file.path)) ?? nil, !entry.isDirectory else { return false }
            return !quietly || loaderCannotExtract(file.path, from: wimFile) == nil
        }.map(\.name)
    }

    /// Which boot manager the loader starts, when it has more than one to try (BootCore's
    /// LoaderBootManager): bootmgfw_EX.efi, and bootmgfw.efi should Secure Boot refuse it.
    mutating func noteBootManagerChoice(_ candidates: [String], supplied: [String]) {
        guard candidates.count > 1 else { return }
        func origin(_ name: String) -> String { bootManagerOrigin(name, supplied: supplied) }
        let first = candidates[0], rest = candidates.dropFirst().map { "\($0) (\(origin($0)))" }.joined(separator: ", then ")
        add(Rules.bootManagerChoice("the loader starts \(first) (\(origin(first))); if Secure Boot refuses it (a db without the Windows UEFI CA 2023), \(rest)",
                                    fix: "none needed; to start one boot manager only, supply it as bootx64.efi"))
    }

    /// Where the loader gets the boot manager `name`: "supplied", or the WIM's path.
    func bootManagerOrigin(_ name: String, supplied: [String]) -> String {
        if asciiIndex(of: name, in: supplied) != nil { return "supplied" }
        let file = LoaderWimFiles.bootManagers.first { asciiEqualIgnoringCase($0.name, name) }
        return "from \(loaderWIM?.name ?? "the WIM")'s \(file?.path ?? name)"
    }

    /// BIOS: BootCore's LoaderBiosFiles decides, as in the loader (bootmgr.exe supplied, else
    /// extracted from a supplied PCAT bootmgr, else the WIM's \\Windows\\Boot\\PXE\\bootmgr.exe).
    mutating func checkBiosBootManager() {
        let names = [LoaderBiosFiles.bootManagerName, LoaderBiosFiles.compressedBootManagerName]
        if LoaderBiosFiles.bootManagerSources(among: files.map(\.name)).first != .wim { return }
        let inside = LoaderBiosFiles.bootManager.path
        let fix = "supply bootmgr.exe (--file bootmgr.exe=PATH), or a WIM whose image has \(inside)"
        guard let wimFile = loaderWIM else {
            add(Rules.bootManagerMissing("no boot manager: none of \(names.joined(separator: ", ")) is supplied, and there is no WIM to take it from", fix: fix))
            return
        }
        guard let (wim, image) = openImage(wimFile) else { return }
        let present = (try? wim.entry(image: image, path: inside)) ?? nil
        guard let present, !present.isDirectory else {
            add(Rules.bootManagerMissing("no boot manager: none supplied, and image \(image) of \(wimFile.name) has no \(inside)",
                                         fix: fix, file: wimFile.name))
            return
        }
        if let why = loaderCannotExtract(inside, from: wimFile) {
            add(Rules.wimUnsupported("the loader must extract the boot manager from \(wimFile.name), but cannot: \(why)",
                                     fix: "supply the boot manager separately (--file bootmgr.exe=PATH), or recapture with --compress=lzx and without --solid",
                                     file: wimFile.name))
        }
    }

    // MARK: 1. Store

    mutating func checkStore() {
        for object in store.objects {
            let firmwareApplication = object.type.kind == .application && object.type.applicationType == 0xFFFFF
            if object.type.kind == .unknown || (object.type.kind == .application && object.type.applicationScope == nil && !firmwareApplication) {
                add(Rules.unknownType("object type \(object.type) is unknown to this tool; the object is not checked",
                                      fix: "none needed if Windows wrote it", object: object.id))
            }
            if case .objectList(let list)? = object.value(ElementIDs.inherit) {
                for id in list { checkReference(id, from: object, element: ElementIDs.inherit, kinds: [.inherit], what: "an inheritable settings object") }
            }
            if case .objectList(let list)? = object.value(ElementIDs.recoverySequence) {
                for id in list { checkReference(id, from: object, element: ElementIDs.recoverySequence, kinds: [.application], what: "a boot application") }
            }
            if isOSLoader(object), case .object(let id)? = object.value(MoreElementIDs.osLoaderResumeObject) {
                checkReference(id, from: object, element: MoreElementIDs.osLoaderResumeObject, kinds: [.application], what: "a resume application")
            }
        }
        guard let manager = store[ObjectNames.bootManager] else {
            add(Rules.bootmgrMissing("the store has no {bootmgr} object; the boot manager has nothing to read",
                                     fix: "bcd create --store STORE {bootmgr} --d \"Windows Boot Manager\""))
            return
        }
        let id = manager.id
        var displayOrder: [BCDGUID]?
        if case .objectList(let list)? = manager.value(ElementIDs.displayOrder) { displayOrder = list }
        var bootSequence: [BCDGUID] = []
        if case .objectList(let list)? = manager.value(ElementIDs.bootSequence) { bootSequence = list }
        let defaultID: BCDGUID? = {
            if case .object(let target)? = manager.value(ElementIDs.defaultObject) { return target }
            return nil
        }()

        if defaultID == nil, displayOrder?.isEmpty ?? true, bootSequence.isEmpty {
            add(Rules.nothingToBoot("{bootmgr} has no default, no displayorder and no bootsequence: nothing to boot",
                                    fix: "bcd displayorder --store STORE {ENTRY} --addlast (and bcd default --store STORE {ENTRY})",
                                    object: id))
        }
        if let target = defaultID {
            if let object = store[target] {
                if !isBootApplication(object) {
                    add(Rules.defaultType("default names \(name(of: target)), a \(typeName(object)), not a boot application",
                                          fix: "bcd default --store STORE {ENTRY} with an OS loader entry", object: id, element: ElementIDs.defaultObject))
                }
            } else {
                add(Rules.defaultMissing("default names \(target.braced), which is not in the store",
                                         fix: "bcd default --store STORE {ENTRY} with an existing entry", object: id, element: ElementIDs.defaultObject))
            }
            if let order = displayOrder, !order.contains(target), let object = store[target], isBootApplication(object) {
                add(Rules.defaultNotListed("default \(name(of: target)) is not in displayorder, so the menu does not offer it",
                                           fix: "bcd displayorder --store STORE \(name(of: target)) --addfirst",
                                           object: id, element: ElementIDs.displayOrder))
            }
        }
        for (element, list) in [(ElementIDs.displayOrder, displayOrder ?? []), (ElementIDs.bootSequence, bootSequence)] {
            for target in list {
                checkReference(target, from: manager, element: element, kinds: [.application], what: "a boot application")
            }
        }
        if case .objectList(let list)? = manager.value(ElementIDs.toolsDisplayOrder) {
            for target in list { checkReference(target, from: manager, element: ElementIDs.toolsDisplayOrder, kinds: [.application], what: "a boot application") }
        }
        if case .object(let target)? = manager.value(ElementIDs.bootMgrResumeObject) {
            checkReference(target, from: manager, element: ElementIDs.bootMgrResumeObject, kinds: [.application], what: "a resume application")
        }
        if case .integer(let seconds)? = manager.value(ElementIDs.timeout), seconds > 600 {
            add(Rules.timeout("timeout is \(seconds) seconds; the menu waits that long before booting the default",
                              fix: "bcd timeout --store STORE 30", object: id, element: ElementIDs.timeout))
        }
    }

    func isBootApplication(_ object: BCDObject) -> Bool {
        object.type.kind == .application && object.type.applicationScope != .bootManager
    }

    func typeName(_ object: BCDObject) -> String {
        switch object.type.kind {
        case .device: return "device object"
        case .inherit: return "settings (inherit) object"
        case .application: return object.type.applicationScope == .bootManager ? "boot manager" : "boot application"
        case .unknown: return "object of unknown type \(object.type)"
        }
    }

    mutating func checkReference(_ target: BCDGUID, from object: BCDObject, element: UInt32, kinds: [ObjectType.Kind], what: String) {
        let elementText = elementName(element, in: object)
        guard let referenced = store[target] else {
            add(Rules.referenceMissing("\(elementText) names \(target.braced), which is not in the store",
                                       fix: "remove it from \(elementText), or create the object", object: object.id, element: element))
            return
        }
        var fits = kinds.contains(referenced.type.kind)
        if fits, kinds == [.application] {
            fits = isBootApplication(referenced)
            if what == "a resume application" { fits = referenced.type.applicationScope == .resume }
        }
        if !fits {
            add(Rules.referenceType("\(elementText) names \(name(of: target)), a \(typeName(referenced)), not \(what)",
                                    fix: "remove it from \(elementText)", object: object.id, element: element))
        }
    }
}
