import Foundation
import Testing
@testable import BCDBoot

/// The real Windows Boot Manager's COM1 stream (see ../shared/fixtures/README.md).
private func fixture(_ name: String) throws -> Data {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try Data(contentsOf: root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/screens/" + name))
}

@Test func realUefiErrorScreenIsReadExactly() throws {
    let log = String(decoding: try fixture("uefi-bootmgr-winload-0xc000007b.serial.log"), as: UTF8.self)
    let screen = try #require(BootManagerErrorScreen.parse(log))
    #expect(screen.status == 0xC000_007B)
    #expect(screen.file == "\\windows\\system32\\boot\\winload.efi")
    #expect(screen.info == "The application or operating system couldn't be loaded because a required file is missing or contains errors.")
    #expect(screen.keys == ["ENTER=OS Selection", "ESC=UEFI Firmware Settings"])
    for field in [screen.file, screen.info] { #expect(field?.contains("=") == false) }
    let lines = ConsoleScreen(stream: log).lines
    #expect(lines.first?.trimmingCharacters(in: .whitespaces) == "Windows Boot Manager")
    #expect(lines.last == " ENTER=OS Selection                                 ESC=UEFI Firmware Settings")
    #expect(lines.count == 25)
}

@Test func realBiosErrorScreenFromVgaMemoryIsReadTheSameWay() throws {
    let vga = [UInt8](try fixture("bios-bootmgr-winload-0xc000007b.vga"))
    let console = ConsoleScreen(vgaText: vga)
    #expect(console.rows == 25 && console.columns == 80)
    let screen = try #require(BootManagerErrorScreen(screen: console))
    #expect(screen.status == 0xC000_007B)
    #expect(screen.file == "\\windows\\system32\\boot\\winload.exe")
    #expect(screen.info == "The application or operating system couldn't be loaded because a required file is missing or contains errors.")
    #expect(screen.keys == ["ENTER=OS Selection"])
    #expect(console.cells[0][30].style == ConsoleScreen.Style(foreground: 0, background: 7))   // title: black on grey
    #expect(console.cells[12][10].style.bold)                                                    // the File value
}

@Test func cursorAddressingErasingAndWrapping() {
    var s = ConsoleScreen(columns: 10, rows: 3)
    s.feed("abc\u{1B}[2;4HXY\u{1B}[1;2H\u{1B}[K")
    #expect(s.lines == ["a", "   XY"])
    s.feed("\u{1B}[3;9H1234")          // wraps at the last column, then scrolls
    #expect(s.lines == ["   XY", "        12", "34"])
    s.feed("\u{1B}[2J\u{1B}[=3h\u{1B}[?25l\u{1B}(Bok\r\nnext")
    #expect(s.lines == ["", "  ok", "next"])
    s.feed("\u{1B}[1;1H\u{1B}[1m\u{1B}[37m\u{1B}[44mB\u{1B}[0mn")
    #expect(s.cells[0][0].style == ConsoleScreen.Style(foreground: 7, background: 4, bold: true))
    #expect(s.cells[0][1].style == ConsoleScreen.Style())
}

@Test func addressingPastTheGridGrowsIt() {
    var s = ConsoleScreen()
    s.feed("\u{1B}[31;100Hx")
    #expect(s.rows == 31 && s.columns == 100)
    #expect(s.line(30).hasSuffix("x"))
    s.feed("\u{1B}[9999;9999H")
    #expect(s.rows == ConsoleScreen.maximumSide && s.columns == ConsoleScreen.maximumSide)
}

/// Other statuses, wordings and layouts: nothing depends on one capture.
@Test func errorScreensVaryInStatusWordingAndLayout() throws {
    // A different status and Info on the row below its label, no File, a wrapped three-row Info.
    var s = ConsoleScreen()
    s.feed("\u{1B}[2J\u{1B}[01;01H  Windows Boot Manager\u{1B}[13;05HStatus: \u{1B}[1m0xc0000225\u{1B}[0m")
    s.feed("\u{1B}[15;05HInfo:\u{1B}[16;07HThe boot selection failed because\u{1B}[17;07Ha required device is\u{1B}[18;07Hinaccessible.")
    s.feed("\u{1B}[25;01H ENTER=Continue   F8=Startup Settings   ESC=Firmware")
    let screen = try #require(BootManagerErrorScreen(screen: s))
    #expect(screen.status == 0xC000_0225)
    #expect(screen.file == nil)
    #expect(screen.info == "The boot selection failed because a required device is inaccessible.")
    #expect(screen.keys == ["ENTER=Continue", "F8=Startup Settings", "ESC=Firmware"])

    // Another language's labels: the status value still finds its row, File above, Info below.
    var de = ConsoleScreen()
    de.feed("\u{1B}[13;05HDatei: \\Boot\\BCD\u{1B}[15;05HStatus: 0xc000000f\u{1B}[17;05HInfo: Fehler beim Lesen.")
    let german = try #require(BootManagerErrorScreen(screen: de))
    #expect(german.file == "\\Boot\\BCD" && german.status == 0xC000_000F && german.info == "Fehler beim Lesen.")

    // A screen with no status is no error screen (a menu, a progress bar).
    var menu = ConsoleScreen()
    menu.feed("\u{1B}[01;01HWindows Boot Manager\u{1B}[03;01HChoose an operating system to start:\u{1B}[25;01HENTER=Choose  TAB=Menu")
    #expect(BootManagerErrorScreen(screen: menu) == nil)
}
