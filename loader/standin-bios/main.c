/* STAND-IN boot manager for BIOS (not Microsoft's).
 *
 * A PE32 bootmgr.exe for tests: the BIOS loader enters it as it would the real BIOS Windows Boot
 * Manager (32-bit flat protected mode, the boot application parameter block as the argument,
 * docs/bios-boot.md).  It reads the emulated drive only through BIOS calls (INT 13h through the
 * loader's callback), mounts the FAT partition with BootCore's FatReader and reports on COM1
 * the same lines as the UEFI stand-in (loader/standin/standin.c), plus what is BIOS-specific:
 *   STANDIN start (STAND-IN boot manager, not Microsoft's)
 *   STANDIN firmware bios
 *   STANDIN params version=2 size=<n> regions=<n> image=<hex> imagesize=<n> partition=<bytes> signature=<hex>
 *   STANDIN region <i> start=<hex> pages=<n> type=<n>
 *   STANDIN memory int12=<KiB> bounce=<hex> heap=<hex>-<hex> e820=<entries>
 *   STANDIN drive <hex> signature=<hex> from=parameters|probe      (or STANDIN error ...)
 *   STANDIN device bios drive=<hex> sectors=<n> edd=<hex> chs-lba0=match|differs|error
 *   STANDIN filesystem fat32|fat16 start=<lba>
 *   STANDIN file <path> size=<n> crc32=<8 hex>      or   STANDIN missing <path>
 *   STANDIN bcd <path> exe=<n> efi=<n>              (BIOS: the BCD is not patched, exe > 0)
 *   STANDIN mirror <path> size=<n>
 *   STANDIN disk blocks=<n> crc32=<8 hex>           (the raw drive through INT 13h, when < 256 MiB)
 *   STANDIN entry / follow / follow-wim / wim-file  (as the UEFI stand-in; the OS loader default
 *                                                    is \Windows\System32\boot\winload.exe)
 *   STANDIN imitates the Windows Boot Manager error screen (STAND-IN, not Microsoft's)
 *   STANDIN done
 * then draws that screen in VGA text memory and halts (the test reads the screen and stops the
 * machine).  Any error is one `STANDIN error <why>` line, then `STANDIN done`, then halt. */
#include "standin-bios.h"

extern char __bss_start[], __bss_end[], __image_start[], __image_end[];
static uint8_t boot_arena[1024 * 1024] __attribute__((aligned(16)));

static const char *bcd_paths[] = {
    "\\Boot\\BCD", "\\EFI\\Microsoft\\Boot\\BCD", "\\BCD", "\\Boot\\Fonts\\BCD",
    "\\Boot\\Resources\\BCD", "\\Sources\\BCD", "\\EFI\\BCD", "\\EFI\\Boot\\BCD",
    "\\EFI\\Microsoft\\BCD",
};
static const char *other_paths[] = {
    "\\Boot\\boot.sdi", "\\boot.sdi", "\\EFI\\Boot\\boot.sdi", "\\Sources\\boot.wim", "\\boot.wim",
};
/* A BIOS boot manager reads \Boot\BCD. */
static const char *follow_bcd_paths[] = { "\\Boot\\BCD", "\\EFI\\Microsoft\\Boot\\BCD" };

static uint32_t text_length(const char *s) { uint32_t n = 0; while (s[n]) n++; return n; }

static const char *screen_file, *screen_status, *screen_info;
static void error_screen(const char *file, const char *status, const char *info) {
    serial_puts("STANDIN imitates the Windows Boot Manager error screen (STAND-IN, not Microsoft's)\n");
    screen_file = file; screen_status = status; screen_info = info;
}

/* The BIOS Windows Boot Manager's error screen layout (80x25): title bar (attribute 70h) on
 * row 0, File/Status/Info at column 4 of rows 12, 14, 16 with the values bright (0Fh), Info
 * wrapped onto the rows below at its value's column, the key footer (70h) on row 24. */
static void draw_error_screen(void) {
    static const char spaces[] = "                                                                                ";
    static const char title[] = "Windows Boot Manager (STAND-IN imitation, not Microsoft's)";
    static const char footer[] = " ENTER=OS Selection";
    vga_clear();
    vga_put(0, 0, 0x70, spaces, 80);
    vga_put((80 - (sizeof title - 1)) / 2, 0, 0x70, title, sizeof title - 1);
    vga_put(0, 2, 0x07, "The STAND-IN boot manager, a test program, stopped where the Windows Boot", 80);
    vga_put(0, 3, 0x07, "Manager would, with the status it would show.", 80);
    vga_put(4, 12, 0x07, "File: ", 6);   vga_put(10, 12, 0x0F, screen_file, 69);
    vga_put(4, 14, 0x07, "Status: ", 8); vga_put(12, 14, 0x0F, screen_status, 67);
    vga_put(4, 16, 0x07, "Info: ", 6);
    const char *p = screen_info;
    for (unsigned row = 16; *p && row < 22; row++) {
        uint32_t n = text_length(p), take = n;
        if (n > 65) { take = 65; while (take > 0 && p[take] != ' ') take--; if (take == 0) take = 65; }
        vga_put(10, row, 0x0F, p, take);
        p += take;
        while (*p == ' ') p++;
    }
    vga_put(0, 24, 0x70, spaces, 80);
    vga_put(0, 24, 0x70, footer, sizeof footer - 1);
}

static void finish(void) __attribute__((noreturn));
static void finish(void) {
    serial_puts("STANDIN done\n");
    if (screen_status) draw_error_screen();
    halt();
}

static void fail(const char *why) {
    serial_printf("STANDIN error %s\n", why);
    finish();
}

static void fail_swift(const char *what) {
    static char why[160];
    standin_bcd_text(BCD_WHY, why, sizeof why);
    serial_printf("STANDIN error %s: %s\n", what, why);
    finish();
}

static void report_file(const char *path, int is_bcd) {
    static uint64_t whole[8]; static uint32_t whole_count;
    uint64_t size = 0; uint32_t crc = 0;
    int32_t rc = sb_file(path, text_length(path), &size, &crc, is_bcd);
    if (rc == 1) { serial_printf("STANDIN missing %s\n", path); return; }
    if (rc == 3) { serial_printf("STANDIN mirror %s size=%lu\n", path, size); return; }
    if (rc != 0) { static char why[160]; standin_bcd_text(BCD_WHY, why, sizeof why); serial_printf("STANDIN readerror %s (%s)\n", path, why); return; }
    (void)whole; (void)whole_count;
    serial_printf("STANDIN file %s size=%lu crc32=%X\n", path, size, crc);
    if (is_bcd) {
        uint32_t exe = 0, efi = 0;
        sb_kept_counts(&exe, &efi);
        serial_printf("STANDIN bcd %s exe=%u efi=%u\n", path, exe, efi);
    }
}

/* CRC-32 of the raw drive through INT 13h, in requests of several sizes. */
static void report_disk(uint64_t sectors) {
    if (sectors > (1ull << 19)) { serial_printf("STANDIN disk skipped blocks=%lu (over 256 MiB)\n", sectors); return; }
    static const uint32_t sizes[] = { 1, 7, 64, 33, 3 };
    static uint8_t buf[64 * 512];
    uint32_t crc = 0, k = 0;
    for (uint64_t lba = 0; lba < sectors;) {
        uint32_t n = sizes[k++ % 5];
        if (n > sectors - lba) n = (uint32_t)(sectors - lba);
        if (sb_disk_read(lba, n, buf)) { serial_printf("STANDIN disk readerror lba=%lu\n", lba); return; }
        crc = crc32_update(crc, buf, n * 512);
        lba += n;
    }
    serial_printf("STANDIN disk blocks=%lu crc32=%X\n", sectors, crc);
}

static int follow(const char *path) {
    int found = sb_exists(path, text_length(path)) == 0;
    serial_printf("STANDIN follow %s %s\n", path, found ? "found" : "missing");
    return found;
}

static uint64_t wim_size;
int32_t standin_wim_read(uint64_t offset, void *buffer, uint64_t length) { return sb_wim_read(offset, buffer, length); }

static int follow_into_wim(const char *wim) {
    static char loader[260], why[160];
    standin_bcd_text(BCD_PATH, loader, sizeof loader);
    if (!loader[0]) {
        static const char fallback[] = "\\Windows\\System32\\boot\\winload.exe";
        memcpy(loader, fallback, sizeof fallback);
    }
    if (sb_wim_open(wim, text_length(wim), &wim_size) != 0) { serial_printf("STANDIN follow-wim unreadable (cannot open %s)\n", wim); return 0; }
    int32_t rc = standin_wim_lookup(wim_size, loader, text_length(loader));
    if (rc != 2) {
        static const char startnet[] = "\\Windows\\System32\\startnet.cmd";
        uint64_t file_size = 0; uint32_t crc = 0;
        int32_t found = standin_wim_file(wim_size, startnet, sizeof startnet - 1, &file_size, &crc);
        if (found == 0) serial_printf("STANDIN wim-file %s size=%lu crc32=%X\n", startnet, file_size, crc);
        else if (found == 1) serial_printf("STANDIN wim-file %s absent\n", startnet);
        else { standin_bcd_text(BCD_WHY, why, sizeof why); serial_printf("STANDIN wim-file %s unreadable (%s)\n", startnet, why); }
    }
    if (rc == 2) {
        standin_bcd_text(BCD_WHY, why, sizeof why);
        serial_printf("STANDIN follow-wim unreadable (%s)\n", why);
        return 0;
    }
    serial_printf("STANDIN follow-wim %s %s\n", loader, rc == 0 ? "found" : "missing");
    if (rc == 1) error_screen(loader, "0xc000000f", "The application or operating system couldn't be loaded because a required file is missing or contains errors.");
    return rc == 0;
}

static void follow_bcd(void) {
    const char *bcd_path = NULL;
    uint64_t size = 0; uint32_t crc = 0;
    for (uint32_t i = 0; i < sizeof follow_bcd_paths / sizeof *follow_bcd_paths && !bcd_path; i++)
        if (sb_file(follow_bcd_paths[i], text_length(follow_bcd_paths[i]), &size, &crc, 1) == 0) bcd_path = follow_bcd_paths[i];
    static const char bcd_file[] = "\\Boot\\BCD";
    if (!bcd_path) {
        serial_puts("STANDIN entry none (no BCD)\n");
        error_screen(bcd_file, "0xc000000f", "The Boot Configuration Data for your PC is missing or contains errors.");
        return;
    }
    static char entry[64], wim[260], sdi[260], why[160];
    int32_t rc = sb_kept_follow();
    if (rc != 0) {
        standin_bcd_text(BCD_WHY, why, sizeof why);
        serial_printf("STANDIN entry none (%s: %s)\n", bcd_path, why);
        if (rc == 1) error_screen(bcd_file, "0xc000000f", "The Boot Configuration Data for your PC is missing or contains errors.");
        else error_screen(bcd_file, "0xc0000225", "The boot selection failed because a required device is inaccessible.");
        return;
    }
    int32_t flags = standin_bcd_flags();
    standin_bcd_text(BCD_ENTRY, entry, sizeof entry);
    standin_bcd_text(BCD_WIM, wim, sizeof wim);
    standin_bcd_text(BCD_SDI, sdi, sizeof sdi);
    if (!(flags & BCD_RAMDISK)) {
        serial_printf("STANDIN entry %s device=%s\n", entry, flags & BCD_DEVICE ? "other" : "none");
        return;
    }
    serial_printf("STANDIN entry %s device=ramdisk wim=%s sdi=%s\n", entry, wim, flags & BCD_SDI_PATH ? sdi : "none");
    int wim_ok = !(flags & BCD_WIM_ON_BOOT) || follow(wim);
    int sdi_ok = !(flags & BCD_SDI_ON_BOOT && flags & BCD_SDI_PATH) || follow(sdi);
    if (!sdi_ok) error_screen(sdi, "0xc000000f", "A required file is missing or contains errors.");
    else if (!wim_ok) error_screen(wim, "0xc000000f", "A required file is missing or contains errors.");
    else if (flags & BCD_WIM_ON_BOOT) follow_into_wim(wim);
}

/* The drive whose MBR carries `signature`: the callback's drive first, then 80h-8Fh. */
static int find_drive(uint32_t signature, const char **from) {
    static uint8_t mbr[512];
    uint32_t first = bios_drive;
    *from = "parameters";
    if (sb_disk_read(0, 1, mbr) == 0 && *(uint32_t *)(mbr + 440) == signature) return 0;
    *from = "probe";
    for (uint32_t d = 0x80; d < 0x90; d++) {
        if (d == first) continue;
        bios_drive = d;
        if (sb_disk_read(0, 1, mbr) == 0 && *(uint32_t *)(mbr + 440) == signature) return 0;
    }
    bios_drive = first;
    return 1;
}

void standin_bios_entry(struct bootapp_header *params) {
    for (volatile char *p = __bss_start; p < __bss_end; p++) *p = 0;
    heap_init((uintptr_t)boot_arena, (uintptr_t)boot_arena + sizeof boot_arena);
    serial_puts("STANDIN start (STAND-IN boot manager, not Microsoft's)\n");
    serial_puts("STANDIN firmware bios\n");
    vga_clear();
    vga_put(0, 0, 0x07, "STAND-IN boot manager (not Microsoft's): checking the BIOS drive", 80);

    uint32_t p[8] = { 0 };
    if (!params || sb_params((const uint8_t *)params, params->size, p) != 0) fail_swift("parameter block");
    /* p: 0 callback address, 1 partition offset, 2 disk signature, 3 regions, 4 image base, 5 image size */
    serial_printf("STANDIN params version=%u size=%u regions=%u image=%x imagesize=%u partition=%u signature=%x\n",
                  params->version, params->size, p[3], p[4], p[5], p[1], p[2]);
    for (uint32_t i = 0; i < p[3]; i++) {
        uint32_t region[3] = { 0, 0, 0 };
        sb_region(i, region);
        serial_printf("STANDIN region %u start=%x pages=%u type=%u\n", i, region[0], region[1], region[2]);
    }
    if (bios_init(p[0]) != 0) fail("no BIOS-call callback in the parameter block");

    uint32_t low = bios_low_kib();
    bounce = sb_low_buffer(low);   /* one page, for the E820 call */
    if (!bounce) fail("no free page of conventional memory below the INT 12h size");
    static uint8_t e820[64 * 20];
    uint32_t entries = 0, heap[3] = { 0, 0, 0 };
    if (bios_e820(e820, 64, &entries) != 0) fail("no E820 memory map");
    if (sb_heap(e820, entries, (uint32_t)(uintptr_t)__image_start, (uint32_t)(uintptr_t)__image_end, heap) != 0)
        fail("no free 64 KiB of conventional memory, or under 4 MiB above 1 MiB, in the E820 map");
    bounce = heap[2];
    serial_printf("STANDIN memory int12=%u bounce=%x heap=%x-%x e820=%u\n", low, bounce, heap[0], heap[1], entries);
    heap_init(heap[0], heap[1]);

    const char *from;
    if (find_drive(p[2], &from) != 0) fail("no BIOS drive carries the boot device's disk signature");
    serial_printf("STANDIN drive %x signature=%x from=%s\n", bios_drive, p[2], from);

    struct bios_regs r = { 0 };
    r.eax = 0x4100; r.ebx = 0x55AA; r.edx = bios_drive;
    bios_int(0x13, &r);
    uint32_t edd = (r.eflags & BIOSREGS_CF) || (r.ebx & 0xFFFF) != 0xAA55 ? 0 : (r.eax >> 8) & 0xFF;
    static uint8_t result[0x1E], lba0[512], chs0[512];
    memset(result, 0, sizeof result);
    *(uint16_t *)(void *)(uintptr_t)bounce = 0x1E;
    r = (struct bios_regs){ 0 };
    r.eax = 0x4800; r.edx = bios_drive; r.ds = bounce >> 4; r.esi = 0;
    bios_int(0x13, &r);
    uint64_t sectors = (r.eflags & BIOSREGS_CF) ? 0 : *(uint64_t *)(void *)(uintptr_t)(bounce + 0x10);
    const char *chs = "error";
    if (sb_disk_read(0, 1, lba0) == 0 && bios_chs_read_lba0(chs0) == 0) {
        chs = "match";
        for (int i = 0; i < 512; i++) if (lba0[i] != chs0[i]) chs = "differs";
    }
    serial_printf("STANDIN device bios drive=%x sectors=%lu edd=%x chs-lba0=%s\n", bios_drive, sectors, edd, chs);
    if (!edd) fail("the drive has no INT 13h extensions");

    uint32_t fs[2];
    if (sb_mount(fs) != 0) fail_swift("file system");
    serial_printf("STANDIN filesystem %s start=%u\n", fs[0] ? "fat32" : "fat16", fs[1]);
    for (uint32_t i = 0; i < sizeof bcd_paths / sizeof *bcd_paths; i++) report_file(bcd_paths[i], 1);
    for (uint32_t i = 0; i < sizeof other_paths / sizeof *other_paths; i++) report_file(other_paths[i], 0);
    report_disk(sectors);
    follow_bcd();
    finish();
}
