import BCDKit
import BootCore

extension Checker {
    // MARK: 4. VHD entries

    /// A `vhd=` device's file: found among the supplied files (by name) or under the search
    /// directory (by its path, any case); its header; its type; a differencing disk's parent.
    mutating func checkVHD(_ path: String, object: BCDObject, element: UInt32) {
        let id = object.id
        let components = VirtualPathRules.split(path)
        guard let fileName = components.last else { return }
        var hostPath: String?
        var label = fileName
        if let supplied = file(named: fileName) {
            hostPath = supplied.path
            label = supplied.name
        } else if let directory = options.searchDirectory {
            hostPath = HostPath.findCaseInsensitive(components, under: directory)
                ?? HostPath.findCaseInsensitive([fileName], under: directory)
        }
        guard checksFiles || options.searchDirectory != nil else { return }
        guard let hostPath, case .regular = HostFileStatus.of(hostPath), let source = HostFile(path: hostPath) else {
            add(Rules.vhdMissing("\(elementName(element, in: object)) of \(name(of: id)) is the virtual disk \(path), which is neither supplied nor found\(options.searchDirectory.map { " under \($0)" } ?? "")",
                                 fix: "supply it (--file \(fileName)=PATH) or put it in the --dir directory", object: id, element: element))
            return
        }
        let header: VirtualDiskHeader
        do throws(VirtualDiskHeaderError) { header = try VirtualDiskHeader(source) } catch {
            add(Rules.vhdInvalid("\(label) (\(hostPath)): \(error.message)",
                                 fix: "supply a VHD or VHDX disk image (e.g. qemu-img convert -O vhdx)", object: id, element: element, file: label))
            return
        }
        add(Rules.vhdType("\(label) is a \(header.type.rawValue) \(header.format.rawValue)", object: id, element: element, file: label))
        guard header.type == .differencing else { return }
        let directory = HostPath.directory(of: hostPath)
        for parent in header.parentPaths {
            let parts = VirtualPathRules.split(parent)
            guard let last = parts.last else { continue }
            if file(named: last) != nil { return }
            let relative = parts.first.map { $0.hasSuffix(":") } == true ? Array(parts.dropFirst()) : parts
            let roots = [directory] + (options.searchDirectory.map { [$0] } ?? [])
            for root in roots {
                if let found = HostPath.findCaseInsensitive(relative.filter { $0 != ".." }, under: root), case .regular = HostFileStatus.of(found) { return }
                if let found = HostPath.findCaseInsensitive([last], under: root), case .regular = HostFileStatus.of(found) { return }
            }
        }
        let recorded = header.parentPaths.first ?? "(no parent path recorded)"
        add(Rules.vhdParentMissing("\(label) is a differencing disk whose parent \(recorded) is not found",
                                   fix: "supply the parent (--file NAME=PATH) or put it beside the child", object: id, element: element, file: label))
    }
}
