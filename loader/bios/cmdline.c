/* The command line the boot program left at cmd_line_ptr (ASCII), read by BootCore's
 * LoaderCommandLine (the same words as the UEFI loader's; GRUB's and SYSLINUX's
 * BOOT_IMAGE=... and initrdfile=... are ignored there). */
#include "bios.h"
#include "bridge.h"
#include "options.h"

struct options opts;

void parse_cmdline(void) {
    static uint16_t units[CMDLINE_MAX], bad[64];
    const char *line = (const char *)setup_u32(HDR_CMD_LINE_PTR);
    uintptr_t n = 0;
    if (line) while (n < CMDLINE_MAX - 1 && line[n]) { units[n] = (uint8_t)line[n]; n++; }
    uint32_t bits = 0;
    intptr_t index = 0;
    int32_t st = ldr_cmdline_parse(units, n * 2, 0, 0, &bits, &index, bad, 64);
    opts.rawwim = (bits & LDR_OPT_RAW_WIM) != 0;
    opts.quiet = (bits & LDR_OPT_QUIET) != 0;
    opts.gui = (bits & LDR_OPT_GUI) != 0;
    opts.index = index;
    quiet = opts.quiet;
    pause_mode = bits & LDR_OPT_PAUSE_QUIET ? 2 : bits & LDR_OPT_PAUSE ? 1 : 0;
    if (st != LDR_OK) {
        char word[64];
        for (int i = 0; i < 64; i++) word[i] = bad[i] < 0x80 ? (char)bad[i] : '?';
        die("unknown command line option \"%s\" (known: rawbcd rawwim gui pause pause=quiet quiet index=N initrdfile=...)", word);
    }
    serial_printf("LOADER cmdline %s\n", line ? line : "");
}
