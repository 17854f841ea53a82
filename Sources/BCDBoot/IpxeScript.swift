import Foundation

/// The iPXE script that boots the loader with a set of files: `kernel` for the loader (with
/// its command line), one `imgfetch --name NAME NAME` per file (the name the loader sees is
/// the name on the server), then `boot`.
public enum IpxeScript {
    /// - Parameters:
    ///   - loader: the loader's name on the server (relative to the script, or a URL).
    ///   - arguments: the loader's command line (`rawbcd`, `index=N`, ...), possibly empty.
    ///   - names: the served files' names, in order.
    ///   - base: prefix for file locations (e.g. `http://server/winpe/`); empty: next to the script.
    public static func make(loader: String = "loader.efi", arguments: String, names: [String], base: String = "") -> String {
        var lines = ["#!ipxe"]
        let args = arguments.trimmingCharacters(in: .whitespaces)
        lines.append("kernel \(base)\(loader)" + (args.isEmpty ? "" : " \(args)"))
        for name in names { lines.append("imgfetch --name \(name) \(base)\(name)") }
        lines.append("boot")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Names iPXE and the loader's FAT disk both accept: no spaces, no path separators.
    public static func problem(withName name: String) -> String? {
        if name.isEmpty { return "empty file name" }
        if name.contains(where: { $0 == " " || $0 == "/" || $0 == "\\" || $0 == "\t" }) {
            return "\"\(name)\": names served to the loader cannot contain spaces or path separators"
        }
        return nil
    }
}

