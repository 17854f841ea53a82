import Testing
@testable import BCDBoot

@Test func vgaCellsAreReadAsCodePage437() {
    // Row 0: ASCII, NUL, a smiley, the house, box drawing, accented letters, Greek, the last byte.
    let characters: [UInt8] = [0x41, 0x00, 0x01, 0x7F, 0xC9, 0xCD, 0xBB, 0x80, 0x82, 0xE0, 0xE3, 0xF8, 0xFB, 0xB0, 0xDB, 0xFF]
    var vga: [UInt8] = []
    for c in characters { vga += [c, 0x07] }
    vga += [UInt8](repeating: 0, count: 2 * 80 - vga.count)
    let screen = ConsoleScreen(vgaText: vga)
    #expect(screen.rows == 1)
    #expect(screen.line(0) == "A ☺⌂╔═╗Çéαπ°√░█\u{00A0}")
    #expect(!screen.line(0).contains("?"))
}

@Test func everyByteHasItsOwnGlyphButNulAndSpace() {
    var seen = Set<Unicode.Scalar>()
    for b in 1...255 where b != 0x20 { seen.insert(CodePage437.scalar(UInt8(b))) }
    #expect(seen.count == 254)   // no two bytes share a glyph
    #expect(CodePage437.scalar(0) == " " && CodePage437.scalar(0x20) == " ")
    #expect(CodePage437.scalar(0xB3) == "│" && CodePage437.scalar(0xC4) == "─" && CodePage437.scalar(0x9C) == "£")
}
