import ArgumentParser
import BCDKit

/// bcdedit's on/off verbs: /debug, /bootdebug, /ems, /bootems, /event. Each sets one boolean
/// element. bcdedit falls back to {current}, which a store file has not, so ours falls back to
/// the boot manager's default entry.
protocol SwitchCommand: StoreEditCommand {
    static var element: String { get }
    var arguments: SwitchArguments { get }
}

/// What every switch verb takes.
struct SwitchArguments: ParsableArguments {
    @OptionGroup var options: StoreOptions
    @Argument(help: "[ID] ON|OFF; ID defaults to {default}.") var words: [String]
}

extension SwitchCommand {
    var options: StoreOptions { arguments.options }
    var words: [String] { arguments.words }

    func apply(to store: inout BCDStore) throws -> String {
        let (id, state): (String, String)
        switch words.count {
        case 1: (id, state) = ("{default}", words[0])
        case 2: (id, state) = (words[0], words[1])
        default: throw CLIFailure("\(Self.configuration.commandName ?? Self.element) takes [ID] ON|OFF")
        }
        guard ["on", "off"].contains(state.lowercased()) else {
            throw CLIFailure("\(Self.configuration.commandName ?? Self.element): '\(state)' is not ON or OFF")
        }
        try store.setElement(object: id, element: Self.element, words: [state.lowercased()])
        return operationCompleted
    }
}

struct DebugCommand: SwitchCommand {
    static let configuration = CommandConfiguration(commandName: "debug", abstract: "Kernel debugging on or off for an OS loader entry (bcdedit /debug).")
    @OptionGroup var arguments: SwitchArguments
    static let element = "debug"
}

struct BootDebugCommand: SwitchCommand {
    static let configuration = CommandConfiguration(commandName: "bootdebug", abstract: "Boot debugging on or off for a boot application (bcdedit /bootdebug).")
    @OptionGroup var arguments: SwitchArguments
    static let element = "bootdebug"
}

struct EmsCommand: SwitchCommand {
    static let configuration = CommandConfiguration(commandName: "ems", abstract: "Emergency Management Services on or off for an OS loader entry (bcdedit /ems).")
    @OptionGroup var arguments: SwitchArguments
    static let element = "ems"
}

struct BootEmsCommand: SwitchCommand {
    static let configuration = CommandConfiguration(commandName: "bootems", abstract: "EMS on or off for a boot application (bcdedit /bootems).")
    @OptionGroup var arguments: SwitchArguments
    static let element = "bootems"
}

struct EventCommand: SwitchCommand {
    static let configuration = CommandConfiguration(commandName: "event", abstract: "Remote event logging on or off for an OS loader entry (bcdedit /event).")
    @OptionGroup var arguments: SwitchArguments
    static let element = "event"
}
