#!/usr/bin/env python3
"""Adds PE base relocations to an i386 PE made by objcopy from a static ELF.

Usage: pe-relocs.py IMAGE.elf IMAGE.exe

The ELF must be linked with --emit-relocs (ld -q) at the PE's image base: its R_386_32
relocations are then the absolute 32-bit addresses in the image, which a loader placing the
image elsewhere must adjust (PE/COFF specification, "The .reloc Section": blocks of a 4-byte
page RVA, a 4-byte block size, 16-bit entries of type << 12 | offset in the page; type 3 is
HIGHLOW, 0 pads a block to 4 bytes).  PC-relative relocations (R_386_PC32, R_386_PLT32) need
nothing; any other type is refused.  The script appends a .reloc section, points data
directory 5 at it, clears IMAGE_FILE_RELOCS_STRIPPED and sets DYNAMIC_BASE."""
import struct
import sys

R_386_32, R_386_PC32, R_386_PLT32 = 1, 2, 4


def fail(msg):
    sys.exit(f"pe-relocs: {msg}")


def elf_relocations(path):
    d = open(path, "rb").read()
    if d[:4] != b"\x7fELF" or d[4] != 1 or d[5] != 1:
        fail(f"{path}: not a 32-bit little-endian ELF")
    shoff, = struct.unpack_from("<I", d, 0x20)
    shentsize, shnum = struct.unpack_from("<HH", d, 0x2E)
    sections = [struct.unpack_from("<10I", d, shoff + i * shentsize) for i in range(shnum)]
    addresses = []
    for s in sections:
        sh_type, offset, size, info = s[1], s[4], s[5], s[7]
        if sh_type != 9:       # SHT_REL
            continue
        target = sections[info]
        if not target[2] & 2:  # SHF_ALLOC: relocations of debug sections do not matter
            continue
        for k in range(size // 8):
            r_offset, r_info = struct.unpack_from("<II", d, offset + 8 * k)
            kind = r_info & 0xFF
            if kind == R_386_32:
                addresses.append(r_offset)
            elif kind not in (R_386_PC32, R_386_PLT32):
                fail(f"{path}: relocation type {kind} at {r_offset:#x} has no PE base relocation")
    return sorted(set(addresses))


def relocation_blocks(rvas):
    pages = {}
    for rva in rvas:
        pages.setdefault(rva & ~0xFFF, []).append(rva & 0xFFF)
    out = b""
    for page in sorted(pages):
        entries = [0x3000 | o for o in pages[page]]
        if len(entries) % 2:
            entries.append(0)
        out += struct.pack("<II", page, 8 + 2 * len(entries)) + struct.pack(f"<{len(entries)}H", *entries)
    return out


def align(v, a):
    return (v + a - 1) // a * a


def main():
    if len(sys.argv) != 3:
        fail("usage: pe-relocs.py IMAGE.elf IMAGE.exe")
    elf, exe = sys.argv[1:]
    pe = bytearray(open(exe, "rb").read())
    e_lfanew, = struct.unpack_from("<I", pe, 0x3C)
    if pe[:2] != b"MZ" or pe[e_lfanew:e_lfanew + 4] != b"PE\0\0":
        fail(f"{exe}: not a PE image")
    coff = e_lfanew + 4
    nsections, = struct.unpack_from("<H", pe, coff + 2)
    opt_size, = struct.unpack_from("<H", pe, coff + 16)
    opt = coff + 20
    if struct.unpack_from("<H", pe, opt)[0] != 0x10B:
        fail(f"{exe}: not PE32")
    image_base, = struct.unpack_from("<I", pe, opt + 28)
    section_align, file_align = struct.unpack_from("<II", pe, opt + 32)
    size_of_image, size_of_headers = struct.unpack_from("<II", pe, opt + 56)
    table = opt + opt_size
    for i in range(nsections):
        if pe[table + 40 * i:table + 40 * i + 8].rstrip(b"\0") == b".reloc":
            fail(f"{exe}: already has a .reloc section")
    new_header = table + 40 * nsections
    if new_header + 40 > size_of_headers:
        fail(f"{exe}: no room for another section header")

    rvas = [a - image_base for a in elf_relocations(elf)]
    if any(r < 0 or r + 4 > size_of_image for r in rvas):
        fail(f"{elf}: a relocation lies outside the image (is it linked at {image_base:#x}?)")
    data = relocation_blocks(rvas)
    rva = align(size_of_image, section_align)
    raw = align(len(pe), file_align)
    raw_size = align(len(data), file_align)
    pe += b"\0" * (raw - len(pe)) + data + b"\0" * (raw_size - len(data))
    struct.pack_into("<8sIIIIIIHHI", pe, new_header, b".reloc", len(data), rva, raw_size, raw, 0, 0, 0, 0,
                     0x42000040)  # initialized data, discardable, readable
    struct.pack_into("<H", pe, coff + 2, nsections + 1)
    characteristics, = struct.unpack_from("<H", pe, coff + 18)
    struct.pack_into("<H", pe, coff + 18, characteristics & ~0x0001)
    struct.pack_into("<I", pe, opt + 56, align(rva + len(data), section_align))
    init_data, = struct.unpack_from("<I", pe, opt + 8)
    struct.pack_into("<I", pe, opt + 8, init_data + raw_size)
    struct.pack_into("<I", pe, opt + 64, 0)                      # checksum: not computed
    dll, = struct.unpack_from("<H", pe, opt + 70)
    struct.pack_into("<H", pe, opt + 70, dll | 0x0040)           # DYNAMIC_BASE
    struct.pack_into("<II", pe, opt + 96 + 5 * 8, rva, len(data))
    open(exe, "wb").write(pe)
    print(f"pe-relocs: {exe}: {len(rvas)} HIGHLOW relocations in {len(data)} bytes")


main()
