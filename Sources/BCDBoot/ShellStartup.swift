import Foundation

/// How a disk boot gives the loader a command line: firmware starts `\EFI\BOOT\BOOTX64.EFI`
/// with none, so the loader goes to `\EFI\tools\loader.efi` instead and OVMF, finding no boot
/// file on the disk, falls through to its built-in UEFI shell, which runs `startup.nsh` from the
/// root of fs0 (the EDK2 shell counts down 5 s first).
public enum ShellStartup {
    public static let scriptName = "startup.nsh"
    /// The loader's place on the disk, with `/` separators (mtools) ...
    static let loaderPath = "EFI/tools/loader.efi"
    /// ... and as the shell names it.
    static var shellLoaderPath: String { #"fs0:\"# + loaderPath.replacingOccurrences(of: "/", with: #"\"#) }

    /// Whether a boot goes through the shell: disk mode with a non-empty command line.
    public static func isUsed(mode: BootMode, arguments: String) -> Bool {
        mode == .disk && !arguments.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The script: one line starting the loader with `arguments` (CRLF, as the shell writes them).
    public static func make(arguments: String) -> String {
        shellLoaderPath + " " + arguments.trimmingCharacters(in: .whitespaces) + "\r\n"
    }

    /// Characters the shell would interpret (comment, variables, escapes, quotes, redirection)
    /// or that an ASCII script cannot carry; the loader's options never need them.
    public static func problem(withArguments arguments: String) -> String? {
        let special: Set<Character> = ["#", "%", "^", "\"", "<", ">", "|"]
        if let bad = arguments.first(where: { special.contains($0) || !$0.isASCII || ($0.asciiValue ?? 0) < 0x20 }) {
            return "--loader-args: \"\(bad)\" cannot be passed through the UEFI shell in disk mode (use --mode network)"
        }
        return nil
    }
}
