import ArgumentParser
import BCDKit

/// /dbgsettings, /hypervisorsettings, /emssettings: with no words they print the settings
/// object's elements (as bcdedit does: no heading or identifier), otherwise they replace its
/// transport settings.
protocol TransportSettingsCommand: StoreEditCommand {
    static var settings: TransportSettings { get }
    var arguments: TransportArguments { get }
    var start: String? { get }
    var noUmex: Bool { get }
}

/// What every settings verb takes.
struct TransportArguments: ParsableArguments {
    @OptionGroup var options: StoreOptions
    @Argument(help: "Transport and NAME:VALUE options; none to show the settings.") var words: [String] = []
}

extension TransportSettingsCommand {
    var options: StoreOptions { arguments.options }
    var words: [String] { arguments.words }
    var start: String? { nil }
    var noUmex: Bool { false }

    func run() throws {
        try reportingErrors {
            if words.isEmpty && start == nil && !noUmex {
                let file = try options.open()
                let objects = try EnumSelection(Self.settings.object).objects(in: file.saved)
                let formatter = EnumFormatter(store: file.saved, verbose: false)
                print(objects.map(formatter.renderElements(of:)).joined(), terminator: "")
                print(operationCompleted)
                return
            }
            let message = try options.edit { store in try apply(to: &store) }
            print(message)
        }
    }

    func apply(to store: inout BCDStore) throws -> String {
        let request = words.isEmpty ? .unchanged : try Self.settings.parse(words, makeKey: TransportSettings.randomKey)
        try store.applyTransportSettings(Self.settings, request, start: start, noUmex: noUmex)
        return (request.generatedKey.map { "Key=\($0)\n" } ?? "") + operationCompleted
    }
}

struct DbgSettingsCommand: TransportSettingsCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbgsettings", abstract: "Show or set the global debugger settings, {dbgsettings} (bcdedit /dbgsettings).",
        discussion: """
        SERIAL [DEBUGPORT:N] [BAUDRATE:N] | 1394 [CHANNEL:N] | USB [TARGETNAME:NAME] |
        NET HOSTIP:A.B.C.D PORT:N [KEY:W.X.Y.Z | NEWKEY] [NODHCP] [BUSPARAMS:B.D.F] | LOCAL,
        plus --start ACTIVE|AUTOENABLE|DISABLE and --noumex (bcdedit's /start and /noumex).
        """)
    @OptionGroup var arguments: TransportArguments
    @Option(name: .customLong("start"), help: "Debugger start policy: ACTIVE, AUTOENABLE or DISABLE.") var start: String?
    @Flag(name: .customLong("noumex"), help: "Ignore user-mode exceptions.") var noUmex = false
    static let settings = TransportSettings.debugger
}

struct HypervisorSettingsCommand: TransportSettingsCommand {
    static let configuration = CommandConfiguration(
        commandName: "hypervisorsettings", abstract: "Show or set the hypervisor debugger settings (bcdedit /hypervisorsettings).",
        discussion: "SERIAL [DEBUGPORT:N] [BAUDRATE:N] | 1394 [CHANNEL:N] | NET HOSTIP:A.B.C.D PORT:N [KEY:W.X.Y.Z | NEWKEY] [NODHCP] [BUSPARAMS:B.D.F]")
    @OptionGroup var arguments: TransportArguments
    static let settings = TransportSettings.hypervisor
}

struct EmsSettingsCommand: TransportSettingsCommand {
    static let configuration = CommandConfiguration(
        commandName: "emssettings", abstract: "Show or set the global Emergency Management Services settings (bcdedit /emssettings).",
        discussion: "EMSPORT:N [EMSBAUDRATE:N]")
    @OptionGroup var arguments: TransportArguments
    static let settings = TransportSettings.ems
}
