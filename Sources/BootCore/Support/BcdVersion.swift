/// The project's version: `bcd --version`, the Debian package's version (scripts/package-deb.sh
/// asks the built `bcd`), and the loader's banner (loader/Makefile reads the quoted text on the
/// `text` line below into -DBCD_VERSION, so keep it a single literal on one line).
public enum BcdVersion {
    public static let text = "0.1.0"
}
