import BCDCheck
import BCDKit
import BCDServe
import BootCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Seconds each step of a test boot took.
public struct BootTimings: Sendable {
    public var check: Double = 0
    public var build: Double = 0
    /// true when the loader was rebuilt (a cold or incremental build), false when it was current.
    public var built = false
    public var staging: Double = 0
    public var emulator: Double = 0

    public var text: String {
        func f(_ s: Double) -> String { String(format: "%.2f", s) }
        return "times: check \(f(check)) s, build \(f(build)) s (\(built ? "rebuilt" : "cached")), staging \(f(staging)) s, emulator \(f(emulator)) s"
    }
}

/// One test boot: validate, build the loader if needed, stage, run QEMU with OVMF, classify.
public struct BootSession {
    public var request: BootRequest
    /// Progress lines ("check: ...", "build: ...", "stage: ...", "qemu: ...").
    public var progress: (String) -> Void
    public private(set) var timings = BootTimings()

    public init(request: BootRequest, progress: @escaping (String) -> Void) {
        self.request = request
        self.progress = progress
    }

    /// Runs the boot. Problems before the emulator starts give an outcome of kind `.notStarted`.
    public mutating func run() -> BootOutcome {
        do {
            return try runSteps()
        } catch let failure as BootFailure {
            return BootOutcome(kind: .notStarted, headline: "NOT STARTED: \(failure.message)")
        } catch {
            return BootOutcome(kind: .notStarted, headline: "NOT STARTED: \(error)")
        }
    }

    mutating func runSteps() throws -> BootOutcome {
        var files = request.files.all
        let bios = request.platform == .bios
        var problems = bios ? biosProblems(files) : Staging.problems(with: files, mode: request.mode, loaderArguments: request.loaderArguments)
        if request.secureBoot == .shim, let problem = ShimBoot.problem(mode: request.mode, loaderArguments: request.loaderArguments) {
            problems.append(problem)
        }
        if !problems.isEmpty { throw BootFailure(problems.joined(separator: "; ")) }
        if request.display == .window && (ProcessInfo.processInfo.environment["DISPLAY"] ?? "").isEmpty
            && (ProcessInfo.processInfo.environment["WAYLAND_DISPLAY"] ?? "").isEmpty {
            throw BootFailure("--display window needs a graphical session ($DISPLAY is not set); use --display vnc, terminal or none")
        }
        progress("files: " + files.map { "\($0.name)=\($0.path)" }.joined(separator: ", "))

        // 1. Validation.
        var start = Date()
        let report = request.validation
        for line in report.text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            progress("check: \(line)")
        }
        if report.errors > 0 {
            if !request.force {
                timings.check = Date().timeIntervalSince(start)
                return BootOutcome(kind: .notStarted,
                                   headline: "NOT STARTED: validation found \(report.errors) error\(report.errors == 1 ? "" : "s") (see check: lines; --force boots anyway)")
            }
            progress("check: \(report.errors) error(s); booting anyway (--force)")
        }
        timings.check = Date().timeIntervalSince(start)

        // 2. The loader.
        start = Date()
        timings.built = try request.loader.prepare(platform: request.platform) { [progress] line in progress(line) }
        timings.build = Date().timeIntervalSince(start)
        var loader = request.loader.loaderPath(for: request.platform)

        // 3. Staging.
        start = Date()
        let qemu = try Tools.require("qemu-system-x86_64")
        let timeoutTool = try Tools.require("timeout")
        let firmware = bios ? Firmware.seabios : request.secureBoot.map(Firmware.ovmfSecureBoot) ?? Firmware.ovmf
        try firmware.requireReadable()
        let biosCard = bios && request.mode == .network ? try Firmware.requireBiosNetworkCard() : nil
        let stage = try makeTemporaryDirectory()
        defer { if !request.keepStaging { try? FileManager.default.removeItem(atPath: stage) } }
        var dbCertificates: [String] = []
        var mokCertificates: [String] = []
        if let profile = request.secureBoot {
            let workspace = (request.store.path as NSString).deletingLastPathComponent
            let keys: (key: String, cert: String)
            if let found = LoaderSigning.workspaceKeys(workspace: workspace.isEmpty ? "." : workspace) {
                keys = found
                progress("secure boot: signing the loader with the workspace's keys (\(found.key), \(found.cert))")
            } else {
                keys = try LoaderSigning.makeKeys(in: stage + "/keys")
                progress("secure boot: no keys in \(workspace.isEmpty ? "." : workspace)/keys (bcd loader keys makes them); signing with a test pair made for this boot")
            }
            let signed = stage + "/loader.signed.efi"
            try LoaderSigning.sign(input: loader, key: keys.key, cert: keys.cert, output: signed)
            loader = signed
            if profile.trustsLoaderThroughShim {
                try ShimBoot.requireShim()
                if !request.testLoaderNotInMokList { mokCertificates = [keys.cert] }
                progress("secure boot: profile \(profile.rawValue), \(profile.summary): \(firmware.code), varstore \(firmware.varsTemplate) with "
                         + (request.testLoaderNotInMokList ? "MokList empty (the loader's certificate left out, --test-without-mok)" : "\(keys.cert) in MokList")
                         + "; \(ShimBoot.shim) as \(Staging.removableMediaLoaderPath), the loader as \(ShimBoot.secondStagePath)")
            } else {
                dbCertificates = [keys.cert]
                progress("secure boot: profile \(profile.rawValue), \(profile.summary): \(firmware.code), varstore \(firmware.varsTemplate) with \(keys.cert) added to db")
            }
            for ca in request.testCAs {
                let trusted = profile.trustedCAYears.contains(ca.year)
                if trusted { dbCertificates.append(ca.certificate) }
                progress("secure boot: test certificate \(ca.certificate) standing for the \(ca.year) CA: " + (trusted ? "added to db" : "not in db (profile \(profile.rawValue) lacks the \(ca.year) CA)"))
            }
        }
        let expected = try expectedFiles(files)
        files = try stageStore(files, in: stage)
        let boot: QemuInvocation.Boot
        var server: WorkspaceServer?
        defer { server?.stop() }
        switch bios ? nil : request.mode {
        case nil:
            if request.mode == .disk {
                let image = stage + "/disk.img"
                let config = try BiosStaging.makeDiskImage(at: image, loader: loader, files: files, loaderArguments: request.loaderArguments)
                progress("stage: FAT disk \(image) (SYSLINUX, \(IpxeScript.biosLoaderName) + \(files.map(\.name).joined(separator: ", "))), \(BiosStaging.configName):")
                for line in config.split(separator: "\n") { progress("stage:   \(line)") }
                boot = .disk(image: image)
            } else {
                let tftp = stage + "/tftp"
                let script = try BiosStaging.makeTftpTree(at: tftp, loader: loader, files: files, loaderArguments: request.loaderArguments)
                progress("stage: TFTP tree \(tftp) for iPXE's BIOS ROM (\(biosCard?.romFile ?? "?")), \(Staging.scriptName):")
                for line in script.split(separator: "\n") { progress("stage:   \(line)") }
                boot = .network(tftpRoot: tftp, bootFile: Staging.scriptName)
            }
        case .disk:
            let image = stage + "/disk.img"
            let shim = request.secureBoot == .shim ? ShimBoot.shim : nil
            try Staging.makeDiskImage(at: image, loader: loader, files: files, loaderArguments: request.loaderArguments, shim: shim)
            let loaderStart = ShellStartup.isUsed(mode: .disk, arguments: request.loaderArguments)
                ? "\(ShellStartup.loaderPath) started by the UEFI shell's \(ShellStartup.scriptName): "
                    + ShellStartup.make(arguments: request.loaderArguments).trimmingCharacters(in: .newlines) + ";"
                : shim.map { _ in "\(Staging.removableMediaLoaderPath) (shim), \(ShimBoot.secondStagePath) (the loader)" } ?? Staging.removableMediaLoaderPath
            progress("stage: FAT disk \(image) (\(loaderStart) + \(files.map(\.name).joined(separator: ", ")))")
            boot = .disk(image: image)
        case .network:
            let tftp = stage + "/tftp"
            let script = try Staging.makeTftpTree(at: tftp, loader: loader, files: files, loaderArguments: request.loaderArguments)
            progress("stage: TFTP tree \(tftp), \(Staging.scriptName):")
            for line in script.split(separator: "\n") { progress("stage:   \(line)") }
            boot = .network(tftpRoot: tftp, bootFile: Staging.scriptName)
        case .http:
            // The port is known once the server listens; the script is generated with it (every
            // request of the boot is answered from this table, nothing else is reachable).
            let started = try Self.startHttpServer(loader: loader, files: files, loaderArguments: request.loaderArguments)
            server = started.server
            progress("stage: HTTP server on 127.0.0.1:\(started.server.port) (the guest's \(started.base)), \(Staging.scriptName):")
            for line in started.script.split(separator: "\n") { progress("stage:   \(line)") }
            boot = .http(bootURL: started.base + Staging.scriptName)
        }
        timings.staging = Date().timeIntervalSince(start)

        // 4. The emulator.
        let log = request.serialLog ?? (stage + "/serial.log")
        let start4 = Date()
        let servedBytes = files.reduce(UInt64(0)) { $0 + Staging.fileSize($1.path) }
        let memory = request.memory ?? GuestMemory.automatic(servedBytes: servedBytes)
        let kvmNote = KvmFailureNote.standard(qemu: qemu)
        let kvmKnownToFail = kvmNote?.isRecorded ?? false
        if kvmKnownToFail, let kvmNote, Acceleration.probe() == .kvmThenTCG {
            progress("qemu: KVM not tried: it failed here before (\(kvmNote.recordedError ?? "?"); delete \(kvmNote.path) to try it again)")
        }
        // Secure Boot needs SMM, which KVM may not offer (QEMU then exits before the firmware
        // runs, with no KVM error to retry on): software emulation from the start.
        let acceleration: Acceleration = request.secureBoot != nil ? .tcg : Acceleration.probe(knownToFail: kvmKnownToFail)
        var invocation = QemuInvocation(firmware: firmware, nvram: stage + "/vars.fd", dbCertificates: dbCertificates, memory: memory,
                                        acceleration: acceleration, boot: boot, display: request.display,
                                        serialLog: log, qmpSocket: stage + "/qmp.sock", timeLimit: request.timeout)
        invocation.mokCertificates = mokCertificates
        invocation.biosNetworkCard = biosCard
        var run: EmulatorRun
        while true {
            server?.log.clear()   // the report lists the requests of the run that counts
            run = try runEmulator(qemu: qemu, timeoutTool: timeoutTool, stage: stage, invocation: invocation,
                                  expected: expected, start: Date())   // each attempt gets the whole time limit
            if run.kvmFailed {
                let remembered = run.kvmFailureCertain && kvmNote?.record(error: run.kvmError) == true
                progress("qemu: KVM failed (\(run.kvmError)); restarting with TCG software emulation"
                         + (remembered ? " (noted in \(kvmNote!.path): later boots go straight to TCG)" : ""))
                invocation.acceleration = .tcg
                continue
            }
            break
        }
        timings.emulator = Date().timeIntervalSince(start4)
        var outcome = run.outcome
        if let server {
            server.stop()
            outcome.requests = server.log.records.map(FetchRecord.init)
        }
        if let screen = outcome.bootManagerError, request.store.unreadable == nil {
            let hints = StoreHints.lines(for: screen.status, in: request.store.model)
            if !hints.isEmpty { outcome.details.append("in the store (\(request.store.path)):") }
            for line in hints { outcome.details.append("  " + line) }
        }
        let errors = Self.qemuErrors(stage + "/qemu.err")
        if !errors.isEmpty && Self.read(log).isEmpty { outcome.details.append("qemu: \(errors)") }
        if request.serialLog == nil {
            // The log outlives the staging directory.
            let kept = FileManager.default.temporaryDirectory.path + "/bcd-boot-\(getpid())-serial.log"
            try? FileManager.default.removeItem(atPath: kept)
            if (try? FileManager.default.copyItem(atPath: log, toPath: kept)) != nil { outcome.serialLog = kept }
        } else {
            outcome.serialLog = log
        }
        return outcome
    }

    struct EmulatorRun {
        var outcome: BootOutcome
        var kvmFailed = false
        var kvmError = ""
        /// Whether the failure is KVM's for sure (QEMU's own KVM error), so that later boots may
        /// skip KVM; a BIOS guest's early reset under KVM is only likely KVM's: retried, not noted.
        var kvmFailureCertain = true
    }

    /// One emulator run, from a fresh serial log and NVRAM copy to QEMU's exit.
    mutating func runEmulator(qemu: String, timeoutTool: String, stage: String, invocation: QemuInvocation,
                              expected: [ExpectedFile], start: Date) throws -> EmulatorRun {
        if invocation.firmware.secureBoot || !invocation.dbCertificates.isEmpty {
            try invocation.firmware.makeNvram(at: invocation.nvram, trusting: invocation.dbCertificates, mokList: invocation.mokCertificates)
        } else {
            try invocation.firmware.makeNvram(at: invocation.nvram)
        }
        let log = invocation.serialLog
        FileManager.default.createFile(atPath: log, contents: nil)
        let socketPath = invocation.qmpSocket
        try? FileManager.default.removeItem(atPath: socketPath)
        let kvm = invocation.acceleration == .kvmThenTCG
        let errPath = stage + "/qemu.err"
        progress("qemu: \(qemu) (\(invocation.acceleration.summary), \(request.mode.rawValue) mode, display \(request.display.rawValue), memory \(invocation.memory) MiB, timeout \(SerialLog.format(request.timeout)) s)")
        if request.display == .terminal { progress("qemu: serial console follows; press Ctrl-A then X to stop the machine") }
        let process = try ChildProcess(path: timeoutTool, arguments: invocation.timeoutArguments(qemu: qemu),
                                       inheritTerminal: invocation.inheritsTerminal, stderrPath: errPath)
        defer { process.signal(SIGKILL); process.wait() }
        let qmp: QMPClient
        do {
            qmp = try QMPClient(path: socketPath, deadline: Date().addingTimeInterval(30), alive: { process.isRunning })
        } catch {
            process.signal(SIGTERM)
            process.wait()
            let errors = Self.qemuErrors(errPath)
            throw BootFailure("QEMU did not start: \(errors.isEmpty ? "\(error)" : errors)")
        }
        if request.display == .vnc, let info = try? qmp.execute("query-vnc") as? [String: Any] {
            let host = info["host"] as? String ?? "127.0.0.1"
            let port = info["service"] as? String ?? "?"
            progress("qemu: VNC display on \(host):\(port) (e.g. vncviewer \(host)::\(port))")
        }
        try qmp.execute("cont")
        progress("qemu: running; serial log \(log)")

        let deadline = start.addingTimeInterval(request.timeout)
        var timedOut = false
        var stopped = false
        var handoffAfter: Double?
        var outcomeAnnounced = false
        var loggedBytes = 0
        var lastGrowth = Date()
        var kvmError: String?
        var kvmFailureCertain = true
        var stoppedByHost = false
        let bios = invocation.firmware.platform == .bios
        var vga: ConsoleScreen?
        var lastVga = Date.distantPast
        while true {
            if !process.isRunning { stopped = true; stoppedByHost = true; break }
            _ = qmp.pollEvents(timeout: 0.1)
            // qmp.events also holds events that arrived while a command waited for its reply.
            // BIOS under KVM: a guest reset before the loader's first line is KVM failing to run
            // the firmware's real-mode code (seen with nested KVM), not the boot: retried with TCG.
            if kvm, bios, qmp.events.contains("SHUTDOWN:guest-reset"), !Self.read(log).contains("LOADER ") {
                kvmError = "the BIOS machine reset itself under KVM before the loader started"
                kvmFailureCertain = false
                break
            }
            if qmp.events.contains("SHUTDOWN") { stopped = true; break }
            if qmp.events.contains("SHUTDOWN:host") { stopped = true; stoppedByHost = true; break }
            if kvm, let line = Self.read(errPath).split(separator: "\n").first(where: { $0.contains("KVM internal error") || $0.contains("KVM: entry failed") }) {
                kvmError = String(line)
                break
            }
            let text = Self.read(log)
            if text.utf8.count != loggedBytes { loggedBytes = text.utf8.count; lastGrowth = Date() }
            // A final outcome stops the machine once the console has settled on it: nothing more
            // for `settleTime` (the rest of a screen, e.g. the footer's second key, has arrived).
            if handoffAfter == nil, text.contains(SerialLog.handoffLine) { handoffAfter = Date().timeIntervalSince(start) }
            // (Quiet first: the log is only replayed into a screen once it has stopped growing.)
            if Date().timeIntervalSince(lastGrowth) >= Self.settleTime, SerialLog.isFinal(text) {
                guard request.keepRunning else { break }
                if !outcomeAnnounced {
                    outcomeAnnounced = true
                    progress("qemu: outcome: " + SerialLog.classify(text, expected: expected, timedOut: false, handoffAfter: handoffAfter).headline)
                    progress("qemu: the machine keeps running (--keep-running); close it to finish")
                }
            }
            // BIOS: what the firmware, iPXE, SYSLINUX and the boot manager say is on the VGA
            // screen only; looked at once a second while the serial log is quiet.
            if bios, !request.keepRunning, Date().timeIntervalSince(lastVga) >= 1, Date().timeIntervalSince(lastGrowth) >= 1 {
                lastVga = Date()
                if let screen = VgaScreen.capture(qmp, directory: stage) {
                    vga = screen
                    if VgaScreen.isFinal(screen) && !SerialLog.isFinal(text) {
                        // Settled: the same screen a moment later (the footer is drawn last).
                        usleep(300_000)
                        if let again = VgaScreen.capture(qmp, directory: stage) { vga = again; if again == screen { break } }
                    }
                }
            }
            if Date() >= deadline { timedOut = true; break }
        }
        // The machine may have powered off between two looks at the log (the stand-in does).
        if handoffAfter == nil, Self.read(log).contains(SerialLog.handoffLine) { handoffAfter = Date().timeIntervalSince(start) }
        if let kvmError {
            _ = try? qmp.execute("quit", timeout: 5)
            Self.reap(process)
            return EmulatorRun(outcome: BootOutcome(kind: .notStarted, headline: ""), kvmFailed: true, kvmError: kvmError,
                               kvmFailureCertain: kvmFailureCertain)
        }
        let serialText = Self.read(log)
        var outcome = SerialLog.classify(serialText, expected: expected, timedOut: timedOut,
                                         stoppedByUser: stopped && stoppedByHost && request.display != .none,
                                         timeLimit: request.timeout, handoffAfter: handoffAfter)
        // BIOS: the serial log gave no verdict (the stand-in's report, a loader error): the screen does.
        if bios, !SerialLog.isFinal(serialText) {
            if process.isRunning, let screen = VgaScreen.capture(qmp, directory: stage) { vga = screen }
            if let vga { outcome = VgaScreen.outcome(vga, serial: outcome, standIn: serialText.contains("STAND-IN")) }
        }
        if let shot = request.screenshot {
            if process.isRunning {
                let path = URL(fileURLWithPath: shot).standardizedFileURL.path
                do {
                    try qmp.execute("screendump", ["filename": path, "format": "png"])
                    outcome.screenshot = path
                } catch {
                    outcome.details.append("screenshot failed: \(error)")
                }
            } else {
                outcome.details.append("screenshot not taken: QEMU had already exited")
            }
        }
        if process.isRunning { _ = try? qmp.execute("quit", timeout: 5) }
        Self.reap(process)
        return EmulatorRun(outcome: outcome)
    }

    /// The host as QEMU's user-mode network shows it to the guest.
    static let guestHostAddress = "10.0.2.2"

    /// An HTTP server on 127.0.0.1 and an ephemeral port for an http-mode boot, serving the
    /// loader, the files and boot.ipxe with the guest's URL of the server as its base.
    static func startHttpServer(loader: String, files: [ServedFile], loaderArguments: String) throws
        -> (server: WorkspaceServer, base: String, script: String) {
        let table = Staging.makeHttpTable(loader: loader, files: files, loaderArguments: loaderArguments)
        let server: WorkspaceServer
        do {
            server = try WorkspaceServer(table: table)
            try server.start()
        } catch {
            throw BootFailure("the boot's HTTP server: \(error)")
        }
        // What iPXE will be served: its Host header is the address it was given.
        let base = Staging.httpBase(host: "\(guestHostAddress):\(server.port)")
        let script = IpxeScript.make(arguments: loaderArguments, names: files.map(\.name), base: base)
        return (server, base, script)
    }

    /// How long the serial log must stay unchanged after a final outcome before the machine is
    /// stopped (a boot manager draws its screen in one burst).
    static let settleTime = 0.25

    /// Waits up to 5 s for QEMU to exit, then kills it.
    static func reap(_ process: ChildProcess) {
        let quitDeadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < quitDeadline { usleep(50_000) }
        process.signal(SIGKILL)
        process.wait()
    }

    static func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    static func qemuErrors(_ path: String) -> String {
        read(path).split(separator: "\n").filter { !$0.contains("terminating on signal") }.joined(separator: "; ")
    }

    func makeTemporaryDirectory() throws -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/bcd-boot.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BootFailure("cannot create a temporary directory")
        }
        let path = String(cString: made)
        progress("stage: working directory \(path)")
        return path
    }

    /// Why these files cannot be served to a BIOS boot (Staging.problems' checks, the BIOS
    /// staging's own names, SYSLINUX's comma rule), and the options BIOS does not take.
    func biosProblems(_ files: [ServedFile]) -> [String] {
        var out: [String] = []
        if request.mode == .http { out.append("--firmware bios boots --mode network (TFTP) or disk, not http") }
        if request.secureBoot != nil { out.append("--secure-boot is UEFI's: a BIOS machine has none") }
        var seen = Set<String>()
        let reserved = Set(request.mode == .disk
            ? [IpxeScript.biosLoaderName, BiosStaging.configName, "ldlinux.sys", "ldlinux.c32"] + BiosStaging.moduleNames
            : [IpxeScript.biosLoaderName, Staging.scriptName])
        for f in files {
            if let p = IpxeScript.problem(withName: f.name) { out.append(p) }
            if request.mode == .disk, let p = BiosStaging.problem(withName: f.name) { out.append(p) }
            if !seen.insert(f.name.lowercased()).inserted { out.append("\(f.name) is supplied twice") }
            if reserved.contains(f.name.lowercased()) { out.append("\(f.name): the name is taken by the BIOS \(request.mode == .disk ? "SYSLINUX disk" : "TFTP tree")") }
            if !FileManager.default.isReadableFile(atPath: f.path) { out.append("\(f.name): \(f.path) is not a readable file") }
        }
        return out
    }

    /// Whether `file` is the store (served as BCD from `request.store.bytes`).
    func isStore(_ file: ServedFile) -> Bool {
        file.name.lowercased() == "bcd" && file.path == request.store.path
    }

    /// The served files with the store's bytes (as loaded, not re-read) written into the
    /// staging directory in place of the store's path.
    func stageStore(_ files: [ServedFile], in stage: String) throws -> [ServedFile] {
        guard let i = files.firstIndex(where: isStore) else { return files }
        let path = stage + "/served-BCD"
        guard FileManager.default.createFile(atPath: path, contents: Data(request.store.bytes)) else {
            throw BootFailure("cannot write the store to \(path)")
        }
        var out = files
        out[i].path = path
        return out
    }

    /// Each served file's size and CRC32 as the guest should see it (BCD after the loader's
    /// .exe -> .efi patch, unless `rawbcd`; the store from its loaded bytes).
    func expectedFiles(_ files: [ServedFile]) throws -> [ExpectedFile] {
        // The loader's own parser decides (a refused word: the options before it still apply).
        let options: LoaderOptions
        do throws(LoaderCommandLineRefusal) {
            options = try LoaderCommandLine.parse(Array(("loader.efi " + request.loaderArguments).utf16))
        } catch {
            options = error.optionsBefore
        }
        // BIOS: the BCD is served as it is (a BIOS boot manager loads winload.exe: no .exe -> .efi).
        let raw = options.rawBCD || request.platform == .bios
        // A shell's startup.nsh sits beside the files (Staging) and the loader takes it too, but
        // never injects it (WIMInjectionRule: *.nsh): the WIM is patched with the files alone.
        let injected = try expectedInjectedWIM(files, options: options)
        var out: [ExpectedFile] = []
        for (i, f) in files.enumerated() {
            if let injected, injected.input == i {
                out.append(ExpectedFile(name: f.name, size: injected.size, crc32: CRC32.hex(injected.crc),
                                        note: "with \(injected.count) loose file\(injected.count == 1 ? "" : "s") injected into \\Windows\\System32"))
                continue
            }
            if f.name.lowercased() == "bcd" {
                var bytes: [UInt8]
                if isStore(f) {
                    bytes = request.store.bytes
                } else {
                    guard let data = FileManager.default.contents(atPath: f.path) else { throw BootFailure("cannot read \(f.path)") }
                    bytes = [UInt8](data)
                }
                let patched = raw ? 0 : BcdExePatch.apply(to: &bytes)
                out.append(ExpectedFile(name: f.name, size: UInt64(bytes.count), crc32: CRC32.hex(CRC32.of(bytes)),
                                        note: patched > 0 ? "after the loader's .exe -> .efi patch of \(patched) path\(patched == 1 ? "" : "s")" : nil))
                continue
            }
            guard let handle = FileHandle(forReadingAtPath: f.path) else { throw BootFailure("cannot read \(f.path)") }
            defer { try? handle.close() }
            var crc = CRC32()
            var size: UInt64 = 0
            while true {
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty { break }
                size += UInt64(chunk.count)
                chunk.withUnsafeBytes { crc.update($0) }
            }
            out.append(ExpectedFile(name: f.name, size: size, crc32: CRC32.hex(crc.value)))
        }
        return out
    }

    /// The WIM as the loader serves it when loose files go into it (BootCore's LoaderInjection,
    /// the loader's own code): which file, its size and CRC32; nil when it is served as it is.
    func expectedInjectedWIM(_ files: [ServedFile], options: LoaderOptions) throws -> (input: Int, size: UInt64, crc: UInt32, count: Int)? {
        var sources: [HostFile] = []
        for f in files {
            guard let source = HostFile(path: f.path) else { throw BootFailure("cannot read \(f.path)") }
            sources.append(source)
        }
        let injection = LoaderInjection(names: files.map { Array($0.name.utf8) }, sources: sources, rawWIM: options.rawWIM,
                                        index: options.index, loaderName: Array("loader.efi".utf8))
        guard let input = injection.wimInput else { return nil }
        let served = injection.files[input].source
        var crc = CRC32()
        guard served.forEachChunk(size: 1 << 20, { crc.update($0) }) else {
            throw BootFailure("cannot read \(files[input].path) with the loose files injected")
        }
        return (input, served.count, crc.value, injection.injected.count)
    }
}
