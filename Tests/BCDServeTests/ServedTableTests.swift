import BCDServe
import Foundation
import XCTest

final class ServedTableTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "served-table-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/ws/sub", withIntermediateDirectories: true)
        try Data("wim".utf8).write(to: URL(fileURLWithPath: root + "/ws/boot.wim"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: root + "/outside"))
        try FileManager.default.createSymbolicLink(atPath: root + "/ws/in-link", withDestinationPath: root + "/ws/boot.wim")
        try FileManager.default.createSymbolicLink(atPath: root + "/ws/out-link", withDestinationPath: root + "/outside")
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    func table() -> ServedTable {
        var t = ServedTable(workspace: root + "/ws")
        for name in ["boot.wim", "in-link", "out-link"] { t.add(name, .workspaceFile(root + "/ws/" + name)) }
        t.add("loader.efi", .file(root + "/outside"))
        t.add("boot.ipxe", .generated { host in Array((host ?? "none").utf8) })
        return t
    }

    func testAFileInsideIsServedWithItsSize() {
        guard case .file(let path, let size) = table().lookup(path: "/boot.wim") else { return XCTFail("not served") }
        XCTAssertEqual(size, 3)
        XCTAssertTrue(path.hasSuffix("/ws/boot.wim"))
        guard case .file(let linked, _) = table().lookup(path: "/in-link") else { return XCTFail("a link inside is not served") }
        XCTAssertEqual(linked, path)
    }

    func testALinkLeavingTheWorkspaceIsRefused() {
        guard case .outside(let real) = table().lookup(path: "/out-link") else { return XCTFail("served") }
        XCTAssertTrue(real.hasSuffix("/outside"))
    }

    func testAnUnconfinedFileIsServedWhereverItIs() {
        guard case .file = table().lookup(path: "/loader.efi") else { return XCTFail("the loader is not served") }
    }

    func testOnlyNamesInTheTableAnswer() {
        for path in ["/", "", "boot.wim", "/BOOT.WIM", "/sub", "/sub/boot.wim", "/../ws/boot.wim", "/./boot.wim", "/..", "/.", "/nothing", "/boot.wim/"] {
            guard case .notFound = table().lookup(path: path) else { return XCTFail("\(path) answered") }
        }
    }

    func testGeneratedEntriesSeeTheHostHeader() {
        guard case .bytes(let b) = table().lookup(path: "/boot.ipxe", host: "10.0.2.2:80") else { return XCTFail("not generated") }
        XCTAssertEqual(String(decoding: b, as: UTF8.self), "10.0.2.2:80")
    }

    func testAddingANameAgainReplacesIt() {
        var t = table()
        t.add("boot.wim", .generated { _ in [1] })
        XCTAssertEqual(t.names.filter { $0 == "boot.wim" }.count, 1)
        guard case .bytes([1]) = t.lookup(path: "/boot.wim") else { return XCTFail("not replaced") }
    }

    func testListenAddresses() {
        XCTAssertEqual(ListenAddress("127.0.0.1:8080"), ListenAddress(host: "127.0.0.1", port: 8080))
        XCTAssertEqual(ListenAddress("0.0.0.0"), ListenAddress(host: "0.0.0.0", port: 0))
        for bad in ["localhost:80", "1.2.3:80", "1.2.3.4:", "1.2.3.4:70000", "1.2.3.4:-1", "::1", ""] {
            XCTAssertNil(ListenAddress(bad), bad)
        }
    }
}
