import Foundation

/// Where themes come from: the project's Themes/ directory (found beside the binary, or
/// $BCD_THEMES_DIR), then the user's $XDG_CONFIG_HOME/bcd/themes (~/.config/bcd/themes).
/// A user theme with the same name as a bundled one replaces it.
public struct ThemeCatalog: Sendable {
    public private(set) var themes: [Theme]
    /// Files that could not be read, one line each (shown in the status line at start).
    public private(set) var problems: [String]

    public static let preferredOrder = ["default-dark", "light", "high-contrast", "monochrome"]

    public init(themes: [Theme], problems: [String] = []) {
        self.themes = themes
        self.problems = problems
    }

    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeCatalog {
        var themes: [Theme] = []
        var problems: [String] = []
        for directory in directories(environment: environment) {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".toml") }.sorted()
            for file in files {
                let path = directory + "/" + file
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    problems.append("theme \(path): cannot read")
                    continue
                }
                do {
                    let theme = try ThemeParser.parse(text, fallbackName: String(file.dropLast(5)))
                    themes.removeAll { $0.name == theme.name }
                    themes.append(theme)
                } catch {
                    problems.append("theme \(path): \(error.description)")
                }
            }
        }
        themes.sort { rank($0.name) < rank($1.name) }
        if themes.isEmpty { themes = [Theme.attributesOnly] }
        return ThemeCatalog(themes: themes, problems: problems)
    }

    private static func rank(_ name: String) -> (Int, String) {
        (preferredOrder.firstIndex(of: name) ?? preferredOrder.count, name)
    }

    public var names: [String] { themes.map(\.name) }

    public func theme(named name: String) -> Theme? { themes.first { $0.name == name } }

    static func directories(environment: [String: String]) -> [String] {
        var result: [String] = []
        if let explicit = environment["BCD_THEMES_DIR"], !explicit.isEmpty {
            result.append(explicit)
        } else if let bundled = bundledDirectory() {
            result.append(bundled)
        }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            result.append(config + "/bcd/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            result.append(home + "/.config/bcd/themes")
        }
        return result
    }

    /// Themes/ in the checkout the binary was built in (.build/<config>/bcd), or
    /// share/bcd/themes beside an installed bin/bcd.
    static func bundledDirectory() -> String? {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in ["Themes", "share/bcd/themes"] {
                let path = directory.appendingPathComponent(candidate).path
                if FileManager.default.fileExists(atPath: path + "/default-dark.toml") { return path }
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
