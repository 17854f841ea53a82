#!/usr/bin/env python3
"""Finishes a PE image from objcopy for signing (issue 19), in place, and refuses one unfit:
sets the NX_COMPAT DLL characteristic (objcopy has no switch for it), recomputes CheckSum,
and fails when a section is both writable and executable, when sections do not follow each
other page by page (a hole or an overlap), or when there is no .sbat section.
Usage: pe-finish.py IMAGE.efi"""
import struct
import sys

NX_COMPAT = 0x0100             # IMAGE_DLLCHARACTERISTICS_NX_COMPAT
MEM_EXECUTE, MEM_WRITE = 0x20000000, 0x80000000
PAGE = 4096


def fail(path, why):
    sys.exit(f"pe-finish: {path}: {why}")


def checksum(data, checksum_at):
    """PE CheckSum: 16-bit one's-complement-style sum of the file as words, the CheckSum
    field taken as zero, folded to 16 bits, plus the file length."""
    total = 0
    padded = data + b"\0" * (len(data) & 1)
    for i in range(0, len(padded), 2):
        if checksum_at <= i < checksum_at + 4:
            continue
        total += padded[i] | padded[i + 1] << 8
        total = (total & 0xFFFF) + (total >> 16)
    return ((total & 0xFFFF) + (total >> 16) + len(data)) & 0xFFFFFFFF


def main(path):
    data = bytearray(open(path, "rb").read())
    pe = struct.unpack_from("<I", data, 0x3C)[0]            # e_lfanew
    if data[pe:pe + 4] != b"PE\0\0":
        fail(path, "not a PE image")
    nsect, opt_size = struct.unpack_from("<H12xH", data, pe + 6)
    opt = pe + 24                                          # optional header (PE32+)
    if struct.unpack_from("<H", data, opt)[0] != 0x20B:
        fail(path, "not PE32+")
    size_of_image = struct.unpack_from("<I", data, opt + 56)[0]
    sections = []
    for i in range(nsect):                                 # 40-byte section headers
        h = opt + opt_size + 40 * i
        name = data[h:h + 8].rstrip(b"\0").decode()
        vsize, va, _raw_size, _raw_at = struct.unpack_from("<4I", data, h + 8)
        flags = struct.unpack_from("<I", data, h + 36)[0]
        sections.append((va, vsize, name, flags))
    sections.sort()
    end = PAGE                                             # headers take the first page
    for va, vsize, name, flags in sections:
        if flags & MEM_WRITE and flags & MEM_EXECUTE:
            fail(path, f"section {name} is both writable and executable")
        if va != end:
            fail(path, f"section {name} starts at {va:#x}, not right after the previous one ({end:#x})")
        end = va + (vsize + PAGE - 1) // PAGE * PAGE
    if end != size_of_image:
        fail(path, f"SizeOfImage {size_of_image:#x} is not the end of the last section ({end:#x})")
    if ".sbat" not in [s[2] for s in sections]:
        fail(path, "no .sbat section")
    dll = opt + 70                                         # DllCharacteristics
    struct.pack_into("<H", data, dll, struct.unpack_from("<H", data, dll)[0] | NX_COMPAT)
    struct.pack_into("<I", data, opt + 64, checksum(bytes(data), opt + 64))
    open(path, "wb").write(data)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
