import Foundation
import BootCore
import TestSupport

/// The PE images the PE tests read: the project's own x86-64 stand-in (PE32+) and an i386 PE32
/// with base relocations linked here by the host toolchain, plus what `objdump -x` says of them.
enum PETestImages {
    /// loader/build/standin.efi, built by `make -C loader standin` when missing or stale.
    static func standin() throws -> [UInt8] {
        try PayloadTool.run("make", ["-s", "-C", Programs.repositoryRoot.appendingPathComponent("loader").path, "standin"])
        return Array(try Data(contentsOf: Programs.repositoryRoot.appendingPathComponent("loader/build/standin.efi")))
    }

    /// A freestanding i386 program with pointers in its data (so it has HIGHLOW relocations),
    /// compiled with `gcc -m32` and linked to PE32 by `ld -m i386pe`; with `wide`, the same for
    /// x86-64 linked to PE32+ by `ld -m i386pep` (DIR64 relocations). Returns the file's path.
    static func pe32(in dir: URL, wide: Bool = false) throws -> URL {
        let source = dir.appendingPathComponent("prog.c"), object = dir.appendingPathComponent("prog.o")
        let image = dir.appendingPathComponent(wide ? "prog64.exe" : "prog.exe")
        try """
        static int counter = 5;
        static char buffer[8192];
        int *table[4] = { &counter, 0, &counter, (int *)buffer };
        const char *message = "i386 PE32 for PEImageTests";
        int start(void) { buffer[100] = 1; return *table[0] + message[0] + counter + buffer[4000]; }
        """.write(to: source, atomically: true, encoding: .utf8)
        try check(PayloadTool.run("gcc", [wide ? "-m64" : "-m32", "-ffreestanding", "-nostdlib", "-fno-pic", "-fno-ident", "-O1",
                                          "-c", source.path, "-o", object.path]), "gcc -m32")
        try check(PayloadTool.run("ld", ["-m", wide ? "i386pep" : "i386pe", "--image-base", wide ? "0x140000000" : "0x400000",
                                         "-e", "start", "--dynamicbase",
                                         "-s", object.path, "-o", image.path]), "ld -m i386pe")
        return image
    }

    static func check(_ output: PayloadTool.Output, _ what: String) throws {
        guard output.status == 0 else { throw PayloadTool.Failure(description: "\(what) failed: \(output.stderr)") }
    }

    /// What `objdump -x` reports about an image.
    struct ObjdumpView {
        var fields: [String: UInt64] = [:]
        /// (name, VMA, file offset) per section, in table order.
        var sections: [(name: String, vma: UInt64, fileOffset: UInt64)] = []
        /// RVAs of the base relocation entries of type `type` (HIGHLOW, DIR64).
        var relocations: [String: [UInt64]] = [:]
    }

    static func objdump(_ path: URL) throws -> ObjdumpView {
        let out = try PayloadTool.run("objdump", ["-x", path.path])
        try check(out, "objdump -x")
        var view = ObjdumpView()
        var page: UInt64 = 0
        for raw in out.text.split(separator: "\n") {
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            if ["AddressOfEntryPoint", "ImageBase", "SizeOfImage", "SizeOfHeaders", "Magic"].contains(words[0]), words.count >= 2 {
                view.fields[words[0]] = UInt64(words[1], radix: 16)
            } else if words[0] == "Entry", words.count >= 4, words[1] == "5" {
                view.fields["BaseRelocationRVA"] = UInt64(words[2], radix: 16)
                view.fields["BaseRelocationSize"] = UInt64(words[3], radix: 16)
            } else if words.count >= 7, Int(words[0]) != nil, words[1].hasPrefix("."),
                      let vma = UInt64(words[3], radix: 16), let off = UInt64(words[5], radix: 16) {
                view.sections.append((words[1], vma, off))
            } else if raw.hasPrefix("Virtual Address:"), words.count >= 3 {
                page = UInt64(words[2], radix: 16) ?? 0
            } else if words[0] == "reloc", words.count >= 6, let offset = UInt64(words[3], radix: 16) {
                // "reloc   N offset   OFF [RVA] TYPE"
                view.relocations[words.last!, default: []].append(page + offset)
            }
        }
        return view
    }
}
