import Foundation

/// The iPXE script that boots the loader with a set of files:
///
///     #!ipxe
///     set file loader.efi
///     kernel BASE/loader.efi ARGS || goto failed
///     set file BCD
///     imgfetch --name BCD BASE/BCD BCD || goto failed     (one per file)
///     boot || goto failed
///     :failed
///     echo bcd: could not fetch ${file}
///     imgstat
///     exit 1
///
/// `imgfetch --name NAME URI NAME`: the name the loader sees (UEFI: the image's name; BIOS: the
/// argument after the URI, which iPXE writes into the newc header). Every step is checked and a
/// failure names its file and lists what was fetched (`imgstat`) instead of booting half a set.
public enum IpxeScript {
    /// The BIOS loader's name on the server (loader/build/loader.lkrn).
    public static let biosLoaderName = "loader.lkrn"

    /// The line a failed fetch prints (SerialLog reads it).
    public static let failurePrefix = "bcd: could not fetch "

    /// - Parameters:
    ///   - loader: the loader's name on the server.
    ///   - arguments: the loader's command line (`rawbcd`, `index=N`, ...), possibly empty.
    ///   - names: the served files' names, in order.
    ///   - base: where the files are (e.g. `http://server/winpe`, with or without a trailing
    ///     slash); empty: next to the script.
    ///   - platform: `.bios`: the loader is loader.lkrn (a bzImage) and each file is an
    ///     `initrd --name NAME URI NAME`, which iPXE's BIOS bzImage support wraps in a newc
    ///     header named by the argument after the URI.
    public static func make(loader: String? = nil, arguments: String, names: [String], base: String = "",
                            platform: FirmwarePlatform = .uefi) -> String {
        let loader = loader ?? (platform == .bios ? biosLoaderName : "loader.efi")
        let fetch = platform == .bios ? "initrd" : "imgfetch"
        var lines = ["#!ipxe"]
        let args = arguments.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        lines.append("set file \(loader)")
        lines.append("kernel \(location(of: loader, base: base))" + (args.isEmpty ? "" : " \(args)") + " || goto failed")
        for name in names {
            lines.append("set file \(name)")
            lines.append("\(fetch) --name \(name) \(location(of: name, base: base)) \(name) || goto failed")
        }
        lines += ["boot || goto failed", ":failed", "echo \(failurePrefix)${file}", "imgstat", "exit 1"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `base` joined to `name` by exactly one slash, the name percent-encoded (RFC 3986: all
    /// but unreserved characters).
    static func location(of name: String, base: String) -> String {
        var encoded = ""
        for byte in name.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) { encoded.append(c) }
            else { encoded += String(format: "%%%02X", byte) }
        }
        guard !base.isEmpty else { return encoded }
        return (base.hasSuffix("/") ? base : base + "/") + encoded
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
