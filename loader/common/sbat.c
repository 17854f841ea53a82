/* SBAT (Secure Boot Advanced Targeting) metadata, the PE section `.sbat` (tools/efi.lds).
 * CSV, one component a line: name, generation, vendor, package, version, URL.  The first line
 * names the format itself (generation 1, as the SBAT specification requires); the second is
 * ours.  Raising our generation number revokes every older build through the SbatLevel
 * variable without revoking the signing key.  shim refuses a second stage without this section. */
#ifndef BCD_VERSION
#define BCD_VERSION "0"
#endif
__attribute__((section(".sbat"), used)) static const char sbat[] =
    "sbat,1,SBAT Version,sbat,1,https://github.com/rhboot/shim/blob/main/SBAT.md\n"
    "bcd,1,bcd project,bcd," BCD_VERSION ",docs/secure-boot.md\n";
