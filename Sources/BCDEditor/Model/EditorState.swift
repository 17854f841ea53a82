import BCDBoot
import BCDCheck
import BCDKit

/// Everything the editor shows and edits, with no terminal in sight: the store value, undo
/// and redo, selection, open dialogs, messages. Key handling (EditorState+Keys) and actions
/// change it; the view only reads it.
public struct EditorState {
    public enum Pane: Sendable { case objects, elements }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    public let file: StoreFile
    public var store: BCDStore {
        didSet { storeVersion = UInt64.random(in: 1...UInt64.max) }
    }
    /// Changes with every store change; keys the derived-data cache.
    public private(set) var storeVersion: UInt64 = 1
    private let cache = DerivedCache()
    public var history = History()
    public let readOnly: Bool

    public var focus: Pane = .objects
    public var selectedObject: BCDGUID?
    public var selectedElement = 0
    public var rawView = false
    public var filter = ""
    /// Non-nil while the user types a filter after `/`.
    public var filterField: TextField?
    public var dialogs: [Dialog] = []
    public var showHelp = false
    /// First help entry shown when the help overlay scrolls (short screens).
    public var helpScroll = 0
    /// The screen size last drawn (the app sets it), so scrolling can stop at the last page.
    public var screenSize = (rows: 24, columns: 80)
    public var message: Message?
    public var quit = false
    /// Set by the boot key; the app suspends curses, runs the test boot and clears it.
    public var bootRequest: BootKeyRequest?

    /// The files the diagnostics and the test boot use (the loader serves them by name).
    public var attachedFiles: [ServedFile] {
        didSet { filesVersion &+= 1 }
    }
    public private(set) var filesVersion: UInt64 = 1
    /// The attached files as served with the store: what the diagnostics check and `b` boots.
    var servedFiles: ServedFiles { Attachments.served(store: file.path, files: attachedFiles) }
    private let checkCache = CheckCache()
    /// Secure Boot for the disk boot keys: on with the workspace's keys (SecureBootChoice).
    public var secureBootChoice = SecureBootChoice()
    /// The profile `b` and `B` boot with now (nil: Secure Boot off); the diagnostics check for it.
    public var secureBoot: SecureBootProfile? { bootFirmware == .bios ? nil : secureBootChoice.profile(store: file.path, mode: .disk) }
    /// The firmware `b` and `B` boot with (`F` switches UEFI / BIOS); the diagnostics follow it.
    public var bootFirmware: FirmwarePlatform = .uefi
    /// The check's firmware rules for `bootFirmware`.
    var checkFirmware: CheckOptions.Firmware { bootFirmware == .bios ? .bios : .uefi }

    public var themeNames: [String]
    public var themeIndex = 0

    public init(file: StoreFile, themeNames: [String] = ["default-dark"], themeName: String? = nil) {
        self.file = file
        self.store = file.saved
        self.readOnly = file.isReadOnly
        self.attachedFiles = Attachments.defaultFiles(store: file.path)
        self.themeNames = themeNames.isEmpty ? ["default-dark"] : themeNames
        if let themeName, let index = self.themeNames.firstIndex(of: themeName) { themeIndex = index }
        selectedObject = objectIDs.first
        if readOnly {
            message = Message(text: "read-only: no write permission for \(file.path); browsing only", isError: true)
        } else if let warning = file.warnings.first {
            message = Message(text: "warning: " + warning, isError: true)
        }
    }

    public var isDirty: Bool { store != file.saved }
    public var themeName: String { themeNames[themeIndex] }

    // MARK: selection

    /// The grouped object list. Cached per store version and filter: decoding display
    /// orders and descriptions of a 1,000-object store on every key would be too slow.
    public var objectRows: [ObjectRow] {
        cache.refresh(store: store, version: storeVersion, filter: filter)
        return cache.rows
    }

    public var objectIDs: [BCDGUID] {
        cache.refresh(store: store, version: storeVersion, filter: filter)
        return cache.ids
    }

    /// An object by id through the cache's index (BCDStore's subscript searches linearly).
    public func object(_ id: BCDGUID) -> BCDObject? {
        cache.refresh(store: store, version: storeVersion, filter: filter)
        return cache.positions[id].map { store.objects[$0] }
    }

    /// {bootmgr}'s default entry.
    public var defaultObject: BCDGUID? {
        cache.refresh(store: store, version: storeVersion, filter: filter)
        return cache.defaultObject
    }

    public var currentObject: BCDObject? { selectedObject.flatMap { object($0) } }

    public var currentElement: BCDElement? {
        guard let object = currentObject, object.elements.indices.contains(selectedElement) else { return nil }
        return object.elements[selectedElement]
    }

    /// Keeps the selection on something that exists and is shown.
    public mutating func fixSelection() {
        let ids = objectIDs
        if let selected = selectedObject, ids.contains(selected) {
        } else {
            selectedObject = ids.first
        }
        let count = currentObject?.elements.count ?? 0
        selectedElement = min(max(0, selectedElement), max(0, count - 1))
    }

    public mutating func select(_ id: BCDGUID) {
        if !objectIDs.contains(id) { filter = "" }
        selectedObject = id
        selectedElement = 0
    }

    public mutating func selectElement(_ type: ElementType) {
        if let index = currentObject?.elements.firstIndex(where: { $0.type == type }) { selectedElement = index }
    }

    public mutating func moveSelection(by offset: Int) {
        switch focus {
        case .objects:
            let ids = objectIDs
            guard !ids.isEmpty else { return }
            let index = selectedObject.flatMap { ids.firstIndex(of: $0) } ?? 0
            let target = min(max(0, index + offset), ids.count - 1)
            if ids[target] != selectedObject {
                selectedObject = ids[target]
                selectedElement = 0
            }
        case .elements:
            let count = currentObject?.elements.count ?? 0
            guard count > 0 else { return }
            selectedElement = min(max(0, selectedElement + offset), count - 1)
        }
    }

    /// BCDCheck's findings for the in-memory store and the attached files, computed once per
    /// store change or attachment change (not per redraw).
    public var diagnostics: [Diagnostic] {
        checkCache.refresh(store: store, version: storeVersion, files: attachedFiles, filesVersion: filesVersion,
                           options: servedFiles.checkOptions(firmware: checkFirmware, secureBoot: secureBoot != nil))
    }

    /// The findings if already computed for this version, else nil: the view draws with
    /// this so that a frame never waits for the check (the app runs it after the frame).
    public var currentDiagnostics: [Diagnostic]? {
        checkCache.current(version: storeVersion, filesVersion: filesVersion, secureBoot: secureBoot != nil, firmware: checkFirmware)
    }

    // MARK: messages

    public mutating func inform(_ text: String) { message = Message(text: text, isError: false) }
    public mutating func fail(_ text: String) { message = Message(text: text, isError: true) }

    // MARK: changes

    /// Applies one change to the store as one undo step. Refused on read-only files; an
    /// error leaves the store as it was and shows the error.
    @discardableResult
    public mutating func change(_ label: String, _ edit: (inout BCDStore) throws -> Void) -> Bool {
        if readOnly {
            fail("read-only: \(file.path) has no write permission; changes are off")
            return false
        }
        var copy = store
        do {
            try edit(&copy)
        } catch {
            fail("\(label): \(error)")
            return false
        }
        guard copy != store else {
            inform("\(label): nothing changed")
            return true
        }
        history.record(store, label: label, selection: selectedObject)
        store = copy
        fixSelection()
        inform(label)
        return true
    }

    public mutating func undo() {
        guard let entry = history.undo(from: store, selection: selectedObject) else { return inform("nothing to undo") }
        store = entry.store
        if let selection = entry.selection, store.contains(selection) { selectedObject = selection }
        fixSelection()
        inform("undone: \(entry.label)")
    }

    public mutating func redo() {
        guard let entry = history.redo(from: store, selection: selectedObject) else { return inform("nothing to redo") }
        store = entry.store
        fixSelection()
        inform("redone: \(entry.label)")
    }

    /// Safe save through StoreFile: on any refusal the edits stay, and the reason shows.
    public mutating func save() {
        if readOnly { return fail("read-only: cannot save \(file.path) (no write permission)") }
        guard isDirty else { return inform("no changes to save") }
        do {
            try file.save(store)
            inform("saved \(file.path) (previous version kept as \(PathText.fileName(file.path)).bak)")
        } catch {
            fail("not saved: \(error.description) — your changes are still here")
        }
    }

    // MARK: dialogs

    public mutating func push(_ dialog: Dialog) { dialogs.append(dialog) }

    public var topDialog: Dialog? {
        get { dialogs.last }
        set {
            guard !dialogs.isEmpty else { return }
            if let newValue { dialogs[dialogs.count - 1] = newValue } else { dialogs.removeLast() }
        }
    }
}

enum PathText {
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// Data derived from the store that the view needs on every frame.
final class DerivedCache {
    private var version: UInt64 = 0
    private var filter = ""
    private(set) var rows: [ObjectRow] = []
    private(set) var ids: [BCDGUID] = []
    private(set) var positions: [BCDGUID: Int] = [:]
    private(set) var defaultObject: BCDGUID?
    private var haystacks: [String]?
    private var order: [BCDGUID: Int] = [:]

    func refresh(store: BCDStore, version: UInt64, filter: String) {
        guard version != self.version || filter != self.filter else { return }
        if version != self.version {
            positions = Dictionary(store.objects.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
            defaultObject = ObjectNames.defaultObject(in: store)
            haystacks = nil
            order = ObjectListing.displayPositions(in: store)
        }
        if !filter.isEmpty && haystacks == nil { haystacks = store.objects.map(ObjectListing.haystack) }
        rows = ObjectListing.rows(for: store, filter: filter, haystacks: filter.isEmpty ? nil : haystacks, order: order)
        ids = rows.compactMap { if case .object(let id) = $0 { return id } else { return nil } }
        self.version = version
        self.filter = filter
    }
}
