import ArgumentParser
import BCDBoot
import Foundation

/// `bcd loader sign` and `bcd loader keys`: the loader for Secure Boot (issue 19).
struct LoaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loader",
        abstract: "Sign the UEFI loader for Secure Boot, or make a test key pair to sign it with.",
        subcommands: [LoaderSign.self, LoaderKeys.self]
    )
}

struct LoaderSign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign loader.efi (or IMAGE) with sbsign; the signature is checked against CERT.",
        discussion: "Without IMAGE, signs loader/build/loader.efi (run `make -C loader` first) into loader/build/loader.signed.efi."
    )

    @Option(help: "The PEM private key.") var key: String
    @Option(help: "The PEM X.509 certificate of that key (the one enrolled in db or MokList).") var cert: String
    @Option(name: .shortAndLong, help: "Where the signed image goes (default: IMAGE with .signed.efi).") var output: String?
    @Argument(help: "The image to sign (default: the built loader).") var image: String?

    func run() throws {
        let input: String
        if let image { input = image } else {
            guard let root = BootRequest.findSourceRoot() else {
                printError("cannot find the project's loader sources (loader/Makefile); set BCD_SOURCE_ROOT or name IMAGE")
                throw ExitCode(1)
            }
            input = LoaderBuild.loaderPath(sourceRoot: root)
        }
        let out = output ?? (input.hasSuffix(".efi") ? String(input.dropLast(4)) : input) + ".signed.efi"
        do {
            try LoaderSigning.sign(input: input, key: key, cert: cert, output: out)
        } catch let failure as BootFailure {
            printError(failure.message)
            throw ExitCode(1)
        }
        print("signed \(input) -> \(out)")
    }
}

struct LoaderKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make a test key pair (db.key, db.crt) with openssl in DIR, e.g. a workspace's keys/ folder.",
        discussion: "A test key: the private key is not encrypted. Enrol db.crt in the firmware's db, or in MokList through shim."
    )

    @Argument(help: "The directory for db.key and db.crt (made when missing).") var dir: String

    func run() throws {
        do {
            let pair = try LoaderSigning.makeKeys(in: dir)
            print("key \(pair.key)\ncertificate \(pair.cert)")
        } catch let failure as BootFailure {
            printError(failure.message)
            throw ExitCode(1)
        }
    }
}
