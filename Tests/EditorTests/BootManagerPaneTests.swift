import BCDCheck
import BCDKit
import Foundation
import TestSupport
import Testing
@testable import BCDEditor

/// The attached-files pane says which boot manager the loader will start and who signed it
/// (BCDCheck's BootManagerPlan, the check's rule), on the demo workspace (its WIM holds the
/// unsigned stand-in as \Windows\Boot\EFI\bootmgfw.efi).
@Suite("Editor: boot manager in the attached-files pane") struct BootManagerPaneTests {
    func bootManagerItem(_ state: inout EditorState) throws -> Picker.Item {
        state.press(.character("f"))
        guard case .picker(let picker)? = state.topDialog else { throw Failure(text: "no attached-files pane") }
        guard let item = picker.items.first(where: { $0.value == "bootmgr" }) else { throw Failure(text: "no boot manager line in \(picker.items.map(\.label))") }
        return item
    }

    struct Failure: Error { let text: String }

    @Test func theWIMsBootManagerThenASigned2023OneSupplied() throws {
        let demo = try PaneEndToEndTests.demoWorkspace()
        var state = EditorState(file: try StoreFile.open(demo + "/BCD"))
        var item = try bootManagerItem(&state)
        #expect(item.label == "boot manager: bootmgfw.efi")
        #expect(item.detail == "bootmgfw.efi starts (from boot.wim's \\Windows\\Boot\\EFI\\bootmgfw.efi; unsigned)")
        state.press(.escape)

        // A bootmgfw_EX.efi signed by a test CA named like the Windows UEFI CA 2023: tried first.
        let keys = try EditorFixtures.scratch()
        let key = keys.appendingPathComponent("ca.key").path, cert = keys.appendingPathComponent("ca.crt").path
        let signed = keys.appendingPathComponent("bootmgfw_EX.efi").path
        let standin = EditorFixtures.repositoryRoot.appendingPathComponent("loader/build/standin.efi").path
        for (tool, arguments) in [("openssl", ["req", "-new", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
                                              "-subj", "/CN=Windows UEFI CA 2023/", "-keyout", key, "-out", cert]),
                                  ("sbsign", ["--key", key, "--cert", cert, "--output", signed, standin])] {
            let run = try Programs.run(tool, arguments)
            #expect(run.status == 0, "\(tool): \(run.stderr)")
        }
        state.attach(ServedFile(name: "bootmgfw_EX.efi", path: signed))
        item = try bootManagerItem(&state)
        #expect(item.label == "boot manager: bootmgfw_EX.efi")
        #expect(item.detail == "bootmgfw_EX.efi starts (supplied; signed by Windows UEFI CA 2023); if Secure Boot refuses it, bootmgfw.efi (from boot.wim's \\Windows\\Boot\\EFI\\bootmgfw.efi; unsigned)")
        // The diagnostics say the same (one rule): bootmgr.choice names bootmgfw_EX.efi first.
        #expect(state.diagnostics.contains { $0.rule == "bootmgr.choice" && $0.message.hasPrefix("the loader starts bootmgfw_EX.efi (supplied)") })
        #expect(state.diagnostics.contains { $0.rule == "bootmgr.signer" && $0.message.hasPrefix("bootmgfw_EX.efi, which the loader starts, is signed by Windows UEFI CA 2023") })

        // Enter on it repeats it on the message line.
        guard case .picker(let picker)? = state.topDialog, let row = picker.visibleItems.firstIndex(where: { $0.value == "bootmgr" }) else {
            Issue.record("no pane"); return
        }
        state.press(.pageUp)
        for _ in 0..<row { state.press(.down) }
        state.press(.enter)
        #expect(state.message?.text == "boot manager: " + item.detail)
    }

    @Test func noBootManagerIsSaidAsSuch() throws {
        let demo = try PaneEndToEndTests.demoWorkspace()
        var state = EditorState(file: try StoreFile.open(demo + "/BCD"))
        state.detach(named: "boot.wim")
        let item = try bootManagerItem(&state)
        #expect(item.label == "boot manager: none")
        #expect(item.style == .error)
        #expect(item.detail.hasPrefix("no boot manager: none of bootx64.efi, bootmgfw_EX.efi, bootmgfw.efi is supplied"))
    }
}
