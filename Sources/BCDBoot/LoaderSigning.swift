import Foundation

/// Signing the loader for Secure Boot (issue 19): a test key pair made with openssl, and
/// Authenticode signatures made with sbsign (Debian sbsigntool) and checked with sbverify.
///
/// A workspace's keys live in `<workspace>/keys/`: `db.key` (PEM private key) and `db.crt`
/// (PEM X.509 certificate, the one a Secure Boot test boot adds to db).
public enum LoaderSigning {
    public static let keyName = "db.key"
    public static let certName = "db.crt"

    /// The key pair in `workspace/keys/`, when both files are there.
    public static func workspaceKeys(workspace: String) -> (key: String, cert: String)? {
        let dir = workspace + "/keys"
        let key = dir + "/" + keyName, cert = dir + "/" + certName
        let fm = FileManager.default
        return fm.isReadableFile(atPath: key) && fm.isReadableFile(atPath: cert) ? (key, cert) : nil
    }

    /// Makes `dir/db.key` and `dir/db.crt`: RSA 2048, SHA-256, self-signed, 10 years (a test
    /// key: its private half is unencrypted).  Refuses to overwrite an existing pair.
    public static func makeKeys(in dir: String, commonName: String = "bcd test signing key") throws -> (key: String, cert: String) {
        let fm = FileManager.default
        let key = dir + "/" + keyName, cert = dir + "/" + certName
        for file in [key, cert] where fm.fileExists(atPath: file) {
            throw BootFailure("\(file) exists; remove it first to make a new key pair")
        }
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Tools.run("openssl", ["req", "-new", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
                                  "-subj", "/CN=\(commonName)/", "-keyout", key, "-out", cert])
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        return (key, cert)
    }

    /// Signs `input` into `output` (a temporary file renamed into place, so a failure leaves no
    /// half-written image) and checks the signature against `cert`.
    public static func sign(input: String, key: String, cert: String, output: String) throws {
        let fm = FileManager.default
        for file in [input, key, cert] where !fm.isReadableFile(atPath: file) {
            throw BootFailure("\(file): cannot read it")
        }
        let temporary = output + ".signing"
        try? fm.removeItem(atPath: temporary)
        do {
            let said = try Tools.run("sbsign", ["--key", key, "--cert", cert, "--output", temporary, input])
            if let warning = said.split(separator: "\n").first(where: { $0.lowercased().contains("warning") }) {
                throw BootFailure("sbsign warned on \(input): \(warning)")
            }
            try Tools.run("sbverify", ["--cert", cert, temporary])
            if fm.fileExists(atPath: output) { try fm.removeItem(atPath: output) }
            try fm.moveItem(atPath: temporary, toPath: output)
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw error
        }
    }
}
