import ArgumentParser
import BCDBoot
import BCDCheck
import BCDServe
import BootCore
import Foundation

/// `bcd serve`: the http-mode boot's server for a lab's real clients.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a workspace (a store and the files beside it) to iPXE clients over HTTP, read-only.",
        discussion: """
            Serves boot.ipxe (the script `bcd ipxe-script` writes, with this server's URL as the client \
            reached it as its base), loader.efi (loader/build, built when stale) and the workspace's files \
            under their served names (the store as BCD), the names `bcd boot` serves. Nothing else is \
            reachable: no listing, no other path, no file whose real path (links followed) leaves the \
            workspace (403); GET and HEAD only (405), byte ranges (206, 416). Prints the script's URL and \
            the dnsmasq lines that chain a UEFI PXE client to iPXE and iPXE to the script, then logs \
            every request. Ctrl-C stops it.
            """)

    @Argument(help: ArgumentHelp("The store, or the workspace directory holding it as BCD.", valueName: "STORE|DIR")) var workspace: String
    @Option(help: ArgumentHelp("The address and port to listen on; port 0 (the default): any free port. 0.0.0.0: every interface.", valueName: "ADDR[:PORT]"))
    var listen: String = "127.0.0.1:0"
    @Option(name: .customLong("loader-args"), help: ArgumentHelp("The loader's command line in the script.", valueName: "ARGS")) var loaderArgs: String = ""

    func validate() throws {
        guard ListenAddress(listen) != nil else { throw ValidationError("--listen wants an IPv4 ADDR or ADDR:PORT, got '\(listen)'") }
    }

    func run() throws {
        let address = ListenAddress(listen)!
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workspace, isDirectory: &isDir) else {
            printError("\(workspace): no such store or directory")
            throw ExitCode(1)
        }
        let store = isDir.boolValue ? (workspace as NSString).appendingPathComponent("BCD") : workspace
        guard FileManager.default.isReadableFile(atPath: store) else {
            printError("\(store): no store to serve (a workspace directory holds it as BCD)")
            throw ExitCode(1)
        }
        let directory = URL(fileURLWithPath: store).deletingLastPathComponent().path
        do throws(LoaderCommandLineRefusal) {
            _ = try LoaderCommandLine.parse(Array(("loader.efi " + loaderArgs).utf16))
        } catch {
            printError("--loader-args: the loader would stop: unknown command line option \"\(String(decoding: error.word, as: UTF16.self))\"")
            throw ExitCode(1)
        }
        // A file whose real path leaves the workspace is not served at all (404); one whose link
        // is changed to leave it while serving is refused at the request (403).
        let inside = ServedTable.realPath(directory) + "/"
        var files: [ServedFile] = []
        for f in try ServedFiles.resolve(store: store, directory: nil, named: [], serving: .asBCD).all {
            let real = ServedTable.realPath(f.path)
            if real.hasPrefix(inside) { files.append(f) } else { Self.emit("warning: \(f.name) is not served: it resolves to \(real), outside the workspace\n") }
        }
        let problems = Staging.problems(with: files, mode: .http)
        if !problems.isEmpty {
            for p in problems { printError(p) }
            throw ExitCode(1)
        }
        let loader = try Self.currentLoader()
        let table = Staging.makeHttpTable(loader: loader, files: files, loaderArguments: loaderArgs, workspace: directory)
        let log = RequestLog { record in
            let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullTime, .withTimeZone])
            Self.emit("\(stamp) \(record.line)\n")
        }
        let server: WorkspaceServer
        do {
            server = try WorkspaceServer(table: table, host: address.host, port: address.port, log: log)
            try server.start()
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        let hosts = address.isWildcard ? ListenAddress.localAddresses() : [address.host]
        let urls = (hosts.isEmpty ? ["127.0.0.1"] : hosts).map { "http://\($0):\(server.port)/\(Staging.scriptName)" }
        Self.emit("""
            serving \(directory) on \(address.host):\(server.port), read-only: \(table.names.joined(separator: ", "))
            script: \(urls.joined(separator: " "))
            dnsmasq (UEFI PXE client -> iPXE over TFTP -> this script over HTTP):
            \(DnsmasqChain.lines(scriptURL: urls[0]).map { "  " + $0 }.joined(separator: "\n"))
            requests follow; Ctrl-C stops the server

            """)
        Self.waitForInterrupt()
        server.stop(grace: 0.5)
        Self.emit("stopped after \(log.records.count) request\(log.records.count == 1 ? "" : "s")\n")
    }

    /// loader/build/loader.efi, built first when missing or older than its sources; or the
    /// installed loader when bcd does not run from a source tree (LoaderSource).
    static func currentLoader() throws -> String {
        guard let loader = LoaderSource.find() else {
            printError(LoaderSource.notFoundMessage)
            throw ExitCode(1)
        }
        do {
            // Only a build's lines are shown (serve prints its own summary of what it serves).
            _ = try loader.prepare { line in if !line.hasPrefix("build: loader.efi is up to date") && !line.hasPrefix("build: using") { emit(line + "\n") } }
        } catch {
            if case .sourceTree = loader { printError("the loader does not build: \(error)") } else { printError("\(error)") }
            throw ExitCode(1)
        }
        return loader.loaderPath
    }

    /// Blocks until SIGINT (Ctrl-C) or SIGTERM arrives.
    static func waitForInterrupt() {
        let done = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        for source in sources { source.cancel() }
    }

    /// Unbuffered, so each request's line appears as it is answered.
    static func emit(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
