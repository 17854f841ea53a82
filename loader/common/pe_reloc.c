/* The PE base-relocation block that makes the firmware treat loader.efi as relocatable.
 * gnu-efi's crt0 carries the same 12 bytes in its .reloc, but nothing refers to them, so
 * --gc-sections drops that section; `retain` (SHF_GNU_RETAIN) keeps this one.
 * PE/COFF .reloc block: page RVA 0, block size 12, then two 16-bit entries of type 0
 * (IMAGE_REL_BASED_ABSOLUTE, padding).  The real relocation is done by gnu-efi's _relocate
 * over the ELF .rela section, which the build checks holds only R_X86_64_RELATIVE. */
__attribute__((used, retain, section(".reloc"), aligned(4)))
static const unsigned int pe_reloc_block[3] = { 0, 12, 0 };
