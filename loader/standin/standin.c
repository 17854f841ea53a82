/* STAND-IN boot manager (not Microsoft's).
 *
 * A test application that takes the place of bootmgfw.efi: it finds the loader's virtual
 * partition, lets the firmware's own FAT driver mount it, reads BCD, boot.sdi and boot.wim
 * from several of the mirrored directories and reports, on COM1, one parseable line each:
 *   STANDIN start
 *   STANDIN cmdline <load options>
 *   STANDIN device vendor|fallback media=<hex> partition=<0|1> blocks=<n>
 *   STANDIN simplefs preconnected=<0|1>             (file system present before we connect)
 *   STANDIN file <path> size=<n> crc32=<8 hex>      or   STANDIN missing <path>
 *   STANDIN bcd <path> exe=<n> efi=<n>              (UTF-16LE ".exe\0"/".efi\0" counts)
 *   STANDIN throughput <path> bytes=<n> us=<n>          (us: the File.Read calls alone)
 *   STANDIN throughput-request[-bootdevice] <path> request=<n> bytes=<n> us=<n> median_us=<n> p10_us=<n>
 *                                                   (only with \standin.bench, see bench_requests)
 *   STANDIN mirror <path> size=<n>                  (a file over 64 MiB of the size of one already
 *                                                   read whole: not read again, as a boot
 *                                                   manager reads its WIM once)
 *   STANDIN disk blocks=<n> crc32=<8 hex>           (the whole virtual disk, raw, when < 64 MiB)
 * then follows the BCD (\EFI\Microsoft\Boot\BCD, else \Boot\BCD) as a boot manager does, through
 * BootCore's resolver (StandinBridge.swift): {bootmgr}'s default entry, its device and the
 * ramdisk options:
 *   STANDIN entry {guid} device=ramdisk wim=<path> sdi=<path>|none   (or device=other / none)
 *   STANDIN follow <path> found|missing          (the WIM and SDI when on the `boot` device)
 *   STANDIN follow-wim <path> found|missing      (the entry's OS loader inside the ramdisk WIM,
 *                                                 `path` or \Windows\System32\boot\winload.efi)
 *   STANDIN wim-file \Windows\System32\startnet.cmd size=<n> crc32=<8 hex>|absent
 *                                                (in the same image: a file the loader injects)
 * and when the BCD is missing or unreadable, has no default entry, or a followed file is
 * missing, says it imitates the Windows Boot Manager's error screen:
 *   STANDIN imitates the Windows Boot Manager error screen (STAND-IN, not Microsoft's)
 * and finally
 *   STANDIN done
 * then draws that screen (File, Status, Info: laid out as the real one, see draw_error_screen)
 * and powers the machine off. */
#include <efi.h>
#include <efilib.h>
#include "crc32.h"
#include "serial.h"
#include "vdisk_ids.h"

static EFI_GUID vdisk_guid = LOADER_VDISK_GUID;

static const CHAR16 *bcd_paths[] = {
    L"\\Boot\\BCD", L"\\EFI\\Microsoft\\Boot\\BCD", L"\\BCD", L"\\Boot\\Fonts\\BCD",
    L"\\Boot\\Resources\\BCD", L"\\Sources\\BCD", L"\\EFI\\BCD", L"\\EFI\\Boot\\BCD",
    L"\\EFI\\Microsoft\\BCD",
};
static const CHAR16 *other_paths[] = {
    L"\\Boot\\boot.sdi", L"\\boot.sdi", L"\\EFI\\Boot\\boot.sdi",
    L"\\Sources\\boot.wim", L"\\boot.wim",
    L"\\EFI\\Microsoft\\Boot\\boot.stl",   /* the revocation list bootmgfw.efi reads under Secure Boot */
};

static int is_ours(EFI_DEVICE_PATH *dp) {
    for (; dp && !IsDevicePathEnd(dp); dp = NextDevicePathNode(dp)) {
        if (DevicePathType(dp) == HARDWARE_DEVICE_PATH && DevicePathSubType(dp) == HW_VENDOR_DP &&
            CompareGuid(&((VENDOR_DEVICE_PATH *)dp)->Guid, &vdisk_guid) == 0)
            return 1;
    }
    return 0;
}

/* The virtual partition: a BlockIo handle whose device path carries our vendor node and
 * whose media is a logical partition.  NULL when not found. */
static EFI_HANDLE find_partition(EFI_BLOCK_IO **bio_out) {
    UINTN n = 0; EFI_HANDLE *hs = NULL; EFI_HANDLE found = NULL;
    if (BS->LocateHandleBuffer(ByProtocol, &BlockIoProtocol, NULL, &n, &hs) != EFI_SUCCESS) return NULL;
    for (UINTN i = 0; i < n && !found; i++) {
        EFI_DEVICE_PATH *dp; EFI_BLOCK_IO *bio;
        if (BS->HandleProtocol(hs[i], &DevicePathProtocol, (void **)&dp) != EFI_SUCCESS) continue;
        if (BS->HandleProtocol(hs[i], &BlockIoProtocol, (void **)&bio) != EFI_SUCCESS) continue;
        if (is_ours(dp) && bio->Media->LogicalPartition) { found = hs[i]; *bio_out = bio; }
    }
    FreePool(hs);
    return found;
}

/* The loader's whole disk (vendor node, not a partition). */
static EFI_BLOCK_IO *find_disk(void) {
    UINTN n = 0; EFI_HANDLE *hs = NULL; EFI_BLOCK_IO *found = NULL;
    if (BS->LocateHandleBuffer(ByProtocol, &BlockIoProtocol, NULL, &n, &hs) != EFI_SUCCESS) return NULL;
    for (UINTN i = 0; i < n && !found; i++) {
        EFI_DEVICE_PATH *dp; EFI_BLOCK_IO *bio;
        if (BS->HandleProtocol(hs[i], &DevicePathProtocol, (void **)&dp) != EFI_SUCCESS) continue;
        if (BS->HandleProtocol(hs[i], &BlockIoProtocol, (void **)&bio) != EFI_SUCCESS) continue;
        if (is_ours(dp) && !bio->Media->LogicalPartition) found = bio;
    }
    FreePool(hs);
    return found;
}

/* CRC32 of every block of the raw disk, read in requests of varying sizes (1 to 2048 blocks)
 * so that single-sector and multi-sector paths of the loader are both exercised. */
static void report_disk(void) {
    EFI_BLOCK_IO *bio = find_disk();
    if (!bio) { serial_puts("STANDIN disk none\n"); return; }
    UINT64 blocks = bio->Media->LastBlock + 1;
    /* The raw CRC re-reads every file on the disk: only for small disks (the vdisk tests). */
    if (blocks > (1ull << 17)) { serial_printf("STANDIN disk skipped blocks=%lu (over 64 MiB)\n", blocks); return; }
    static const UINTN sizes[] = { 1, 7, 64, 255, 2048, 3 };
    UINT8 *buf = AllocatePool(2048 * 512);
    UINT32 crc = 0; UINT64 lba = 0; UINTN k = 0;
    while (buf && lba < blocks) {
        UINTN n = sizes[k++ % (sizeof sizes / sizeof *sizes)];
        if (n > blocks - lba) n = blocks - lba;
        if (bio->ReadBlocks(bio, bio->Media->MediaId, lba, n * 512, buf) != EFI_SUCCESS) {
            serial_printf("STANDIN disk readerror lba=%lu\n", lba);
            FreePool(buf);
            return;
        }
        crc = crc32_update(crc, buf, n * 512);
        lba += n;
    }
    serial_printf("STANDIN disk blocks=%lu crc32=%X\n", blocks, crc);
    if (buf) FreePool(buf);
}

/* BootCore's BCD resolver (StandinBridge.swift). */
INT32 standin_bcd_follow(const UINT8 *bytes, UINT64 size);
INT32 standin_bcd_flags(void);
void standin_bcd_text(INT32 field, char *buffer, UINTN capacity);
enum { BCD_DEVICE = 1, BCD_RAMDISK = 2, BCD_WIM_ON_BOOT = 4, BCD_SDI_ON_BOOT = 8, BCD_SDI_PATH = 16 };
enum { BCD_ENTRY, BCD_WIM, BCD_SDI, BCD_PATH, BCD_WHY };
/* BootCore's WIM reader (StandinWim.swift) over the WIM file open in `wim_file`. */
INT32 standin_wim_lookup(UINT64 size, const char *path, UINTN length);
INT32 standin_wim_file(UINT64 size, const char *path, UINTN length, UINT64 *file_size, UINT32 *crc);
static EFI_FILE *wim_file;

/* Serves StandinWim.swift's reads from `wim_file`: 0 when all `length` bytes were read. */
INT32 standin_wim_read(UINT64 offset, void *buffer, UINT64 length) {
    if (!wim_file || wim_file->SetPosition(wim_file, offset) != EFI_SUCCESS) return 1;
    for (UINT8 *at = buffer; length > 0;) {
        UINTN got = (UINTN)length;
        if (wim_file->Read(wim_file, &got, at) != EFI_SUCCESS || got == 0) return 1;
        at += got;
        length -= got;
    }
    return 0;
}

static const CHAR16 *follow_bcd_paths[] = { L"\\EFI\\Microsoft\\Boot\\BCD", L"\\Boot\\BCD" };

/* The whole file at `path` (NULL when missing or unreadable; free with FreePool). */
static UINT8 *read_whole(EFI_FILE *root, const CHAR16 *path, UINT64 *size) {
    EFI_FILE *f;
    if (root->Open(root, &f, (CHAR16 *)path, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS) return NULL;
    EFI_FILE_INFO *info = LibFileInfo(f);
    *size = info ? info->FileSize : 0;
    if (info) FreePool(info);
    UINT8 *data = *size < (64u << 20) ? AllocatePool(*size + 1) : NULL;
    UINT64 done = 0;
    while (data && done < *size) {
        UINTN got = (UINTN)(*size - done);
        if (f->Read(f, &got, data + done) != EFI_SUCCESS || got == 0) { FreePool(data); data = NULL; }
        done += got;
    }
    f->Close(f);
    return data;
}

/* Whether the ASCII `path` opens on the file system (FAT: case-insensitive). */
static int file_exists(EFI_FILE *root, const char *path) {
    CHAR16 wide[260]; UINTN i = 0;
    for (; path[i] && i < 259; i++) wide[i] = (CHAR16)(UINT8)path[i];
    wide[i] = 0;
    EFI_FILE *f;
    if (root->Open(root, &f, wide, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS) return 0;
    f->Close(f);
    return 1;
}

/* An imitation of the Windows Boot Manager's error screen, labelled as such.  COM1 gets one
 * line saying so when the stand-in decides; the screen itself is drawn last (after
 * `STANDIN done`), through the firmware's console, in the real screen's layout: title bar on
 * row 0, `File:` / `Status:` / `Info:` at column 4 of rows 12, 14 and 16 with the values in
 * bold white, Info wrapped at column 75 onto the rows below at its value's column, and the key
 * footer on row 24 (OVMF sends it to COM1 as cursor addressing, as it does the real screen's). */
static const char *screen_file, *screen_status, *screen_info;

static void error_screen(const char *file, const char *status, const char *info) {
    serial_puts("STANDIN imitates the Windows Boot Manager error screen (STAND-IN, not Microsoft's)\n");
    screen_file = file; screen_status = status; screen_info = info;
}

static void put_at(UINTN column, UINTN row, UINTN attribute, const char *text, UINTN length) {
    CHAR16 wide[82]; UINTN i = 0;
    for (; i < length && i < 81 && text[i]; i++) wide[i] = (CHAR16)(UINT8)text[i];
    wide[i] = 0;
    ST->ConOut->SetAttribute(ST->ConOut, attribute);
    ST->ConOut->SetCursorPosition(ST->ConOut, column, row);
    ST->ConOut->OutputString(ST->ConOut, wide);
}

static UINTN text_length(const char *s) { UINTN n = 0; while (s[n]) n++; return n; }

static void draw_error_screen(void) {
    const UINTN plain = EFI_TEXT_ATTR(EFI_LIGHTGRAY, EFI_BLACK), bright = EFI_TEXT_ATTR(EFI_WHITE, EFI_BLACK),
                bar = EFI_TEXT_ATTR(EFI_BLACK, EFI_LIGHTGRAY);
    static const char spaces[] = "                                                                                ";
    static const char title[] = "Windows Boot Manager (STAND-IN imitation, not Microsoft's)";
    static const char footer_left[] = " ENTER=OS Selection", footer_right[] = "ESC=UEFI Firmware Settings ";
    ST->ConOut->SetAttribute(ST->ConOut, plain);
    ST->ConOut->ClearScreen(ST->ConOut);
    put_at(0, 0, bar, spaces, 79);
    put_at((79 - (sizeof title - 1)) / 2, 0, bar, title, sizeof title - 1);
    put_at(0, 2, plain, "The STAND-IN boot manager, a test program, stopped where the Windows Boot", 80);
    put_at(0, 3, plain, "Manager would, with the status it would show.", 80);
    put_at(4, 12, plain, "File: ", 6);   put_at(10, 12, bright, screen_file, 69);
    put_at(4, 14, plain, "Status: ", 8); put_at(12, 14, bright, screen_status, 67);
    put_at(4, 16, plain, "Info: ", 6);
    const char *p = screen_info;
    for (UINTN row = 16; *p && row < 22; row++) {   /* words onto rows of at most 65 columns */
        UINTN n = text_length(p), take = n;
        if (n > 65) { take = 65; while (take > 0 && p[take] != ' ') take--; if (take == 0) take = 65; }
        put_at(10, row, bright, p, take);
        p += take;
        while (*p == ' ') p++;
    }
    put_at(0, 24, bar, spaces, 79);
    put_at(0, 24, bar, footer_left, sizeof footer_left - 1);
    put_at(79 - (sizeof footer_right - 1), 24, bar, footer_right, sizeof footer_right - 1);
    ST->ConOut->SetAttribute(ST->ConOut, plain);
}

/* Prints `STANDIN follow <path> found|missing`; returns whether found. */
static int follow(EFI_FILE *root, const char *path) {
    int found = file_exists(root, path);
    serial_printf("STANDIN follow %a %a\n", path, found ? "found" : "missing");
    return found;
}

/* Inside the ramdisk WIM: the entry's OS loader (`path`, else the UEFI default), printed as
 *   STANDIN follow-wim <path> found|missing     or   STANDIN follow-wim unreadable (<why>)
 * A missing loader gets the imitated error screen. */
static int follow_into_wim(EFI_FILE *root, const char *wim) {
    static char loader[260], why[160];
    standin_bcd_text(BCD_PATH, loader, sizeof loader);
    if (!loader[0]) {   /* no path element: the boot manager's UEFI default */
        static const char fallback[] = "\\Windows\\System32\\boot\\winload.efi";
        CopyMem(loader, (void *)fallback, sizeof fallback);
    }
    CHAR16 wide[260]; UINTN i = 0;
    for (; wim[i] && i < 259; i++) wide[i] = (CHAR16)(UINT8)wim[i];
    wide[i] = 0;
    if (root->Open(root, &wim_file, wide, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS) { wim_file = NULL; return 0; }
    EFI_FILE_INFO *info = LibFileInfo(wim_file);
    UINT64 size = info ? info->FileSize : 0;
    if (info) FreePool(info);
    UINTN length = 0;
    while (loader[length]) length++;
    INT32 rc = standin_wim_lookup(size, loader, length);
    if (rc != 2) {   /* WinPE's startnet.cmd, as the loader may have injected it */
        static const char startnet[] = "\\Windows\\System32\\startnet.cmd";
        UINT64 file_size = 0; UINT32 crc = 0;
        INT32 found = standin_wim_file(size, startnet, sizeof startnet - 1, &file_size, &crc);
        if (found == 0) serial_printf("STANDIN wim-file %a size=%lu crc32=%X\n", startnet, file_size, crc);
        else if (found == 1) serial_printf("STANDIN wim-file %a absent\n", startnet);
        else { standin_bcd_text(BCD_WHY, why, sizeof why); serial_printf("STANDIN wim-file %a unreadable (%a)\n", startnet, why); }
    }
    wim_file->Close(wim_file);
    wim_file = NULL;
    if (rc == 2) {
        standin_bcd_text(BCD_WHY, why, sizeof why);
        serial_printf("STANDIN follow-wim unreadable (%a)\n", why);
        return 0;
    }
    serial_printf("STANDIN follow-wim %a %a\n", loader, rc == 0 ? "found" : "missing");
    if (rc == 1) error_screen(loader, "0xc000000f", "The application or operating system couldn't be loaded because a required file is missing or contains errors.");
    return rc == 0;
}

/* Follows the BCD to the files the default entry needs, as a boot manager does; returns
 * whether all were found (a real boot manager would now start the OS loader). */
static int follow_bcd(EFI_FILE *root) {
    const CHAR16 *bcd_path = NULL; UINT64 size = 0; UINT8 *bcd = NULL;
    for (UINTN i = 0; i < sizeof follow_bcd_paths / sizeof *follow_bcd_paths && !bcd; i++)
        if ((bcd = read_whole(root, follow_bcd_paths[i], &size))) bcd_path = follow_bcd_paths[i];
    static const char bcd_file[] = "\\EFI\\Microsoft\\Boot\\BCD";
    if (!bcd) {
        serial_puts("STANDIN entry none (no BCD)\n");
        error_screen(bcd_file, "0xc000000f", "The Boot Configuration Data for your PC is missing or contains errors.");
        return 0;
    }
    static char entry[64], wim[260], sdi[260], why[160];
    INT32 rc = standin_bcd_follow(bcd, size);
    FreePool(bcd);
    if (rc != 0) {
        standin_bcd_text(BCD_WHY, why, sizeof why);
        serial_printf("STANDIN entry none (%S: %a)\n", bcd_path, why);
        if (rc == 1) error_screen(bcd_file, "0xc000000f", "The Boot Configuration Data for your PC is missing or contains errors.");
        else error_screen(bcd_file, "0xc0000225", "The boot selection failed because a required device is inaccessible.");
        return 0;
    }
    INT32 flags = standin_bcd_flags();
    standin_bcd_text(BCD_ENTRY, entry, sizeof entry);
    standin_bcd_text(BCD_WIM, wim, sizeof wim);
    standin_bcd_text(BCD_SDI, sdi, sizeof sdi);
    if (!(flags & BCD_RAMDISK)) {
        serial_printf("STANDIN entry %a device=%a\n", entry, flags & BCD_DEVICE ? "other" : "none");
        return 0;
    }
    serial_printf("STANDIN entry %a device=ramdisk wim=%a sdi=%a\n", entry, wim, flags & BCD_SDI_PATH ? sdi : "none");
    int wim_ok = !(flags & BCD_WIM_ON_BOOT) || follow(root, wim);
    int sdi_ok = !(flags & BCD_SDI_ON_BOOT && flags & BCD_SDI_PATH) || follow(root, sdi);
    if (!sdi_ok) error_screen(sdi, "0xc000000f", "A required file is missing or contains errors.");
    else if (!wim_ok) error_screen(wim, "0xc000000f", "A required file is missing or contains errors.");
    else if (flags & BCD_WIM_ON_BOOT) return follow_into_wim(root, wim);
    return 0;
}

/* ExitBootServices with the current memory map key (retried once: the map may change
 * between GetMemoryMap and the call, UEFI 2.x 7.4). */
static int end_boot_services(EFI_HANDLE image) {
    for (int attempt = 0; attempt < 2; attempt++) {
        UINTN entries, key, descriptor_size; UINT32 version;
        EFI_MEMORY_DESCRIPTOR *map = LibMemoryMap(&entries, &key, &descriptor_size, &version);
        if (!map) return 0;
        if (BS->ExitBootServices(image, key) == EFI_SUCCESS) return 1;
        FreePool(map);
    }
    return 0;
}

static UINT64 tsc(void) { UINT32 lo, hi; __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi)); return ((UINT64)hi << 32) | lo; }
static UINT64 tsc_per_us;

static UINTN count_utf16(const UINT8 *d, UINTN n, const char *ext) {
    UINTN hits = 0;
    for (UINTN i = 0; i + 10 <= n; i++) {
        if (d[i] != '.' || d[i + 1] != 0) continue;
        int ok = 1;
        for (int k = 0; k < 3 && ok; k++) {
            UINT8 c = d[i + 2 + 2 * k];
            if (c >= 'A' && c <= 'Z') c += 32;
            ok = c == (UINT8)ext[k] && d[i + 3 + 2 * k] == 0;
        }
        if (ok && d[i + 8] == 0 && d[i + 9] == 0) hits++;
    }
    return hits;
}

static void report_file(EFI_FILE *root, const CHAR16 *path, int is_bcd, int timed) {
    EFI_FILE *f;
    if (root->Open(root, &f, (CHAR16 *)path, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS) {
        serial_printf("STANDIN missing %S\n", path);
        return;
    }
    EFI_FILE_INFO *info = LibFileInfo(f);
    UINT64 size = info ? info->FileSize : 0;
    if (info) FreePool(info);
    /* Mirrored large files (boot.wim under \Sources and \) are read whole once: a second
     * full read of a 500 MB WIM was a third of a network boot's emulator time. */
    static UINT64 read_whole[8]; static UINTN read_count;
    if (timed && size > (64u << 20)) {
        for (UINTN i = 0; i < read_count; i++)
            if (read_whole[i] == size) { f->Close(f); serial_printf("STANDIN mirror %S size=%lu\n", path, size); return; }
        if (read_count < sizeof read_whole / sizeof *read_whole) read_whole[read_count++] = size;
    }
    const UINTN chunk = 1 << 20;
    UINT8 *buf = AllocatePool(chunk);
    UINT8 *whole = is_bcd && size < (64u << 20) ? AllocatePool(size + 1) : NULL;
    UINT32 crc = 0; UINT64 done = 0, ticks = 0; int bad = 0;
    while (buf && done < size) {
        UINTN want = size - done < chunk ? (UINTN)(size - done) : chunk;
        UINTN got = want;
        UINT64 t0 = tsc();   /* only File.Read is timed: the software CRC would blur the figure */
        EFI_STATUS st = f->Read(f, &got, buf);
        ticks += tsc() - t0;
        if (st != EFI_SUCCESS || got == 0) { bad = 1; break; }
        crc = crc32_update(crc, buf, got);
        if (whole) CopyMem(whole + done, buf, got);
        done += got;
    }
    f->Close(f);
    if (bad || !buf) { serial_printf("STANDIN readerror %S at=%lu\n", path, done); goto out; }
    serial_printf("STANDIN file %S size=%lu crc32=%X\n", path, size, crc);
    if (whole)
        serial_printf("STANDIN bcd %S exe=%lu efi=%lu\n", path, (UINT64)count_utf16(whole, size, "exe"),
                      (UINT64)count_utf16(whole, size, "efi"));
    if (timed && tsc_per_us)
        serial_printf("STANDIN throughput %S bytes=%lu us=%lu\n", path, size, ticks / tsc_per_us);
out:
    if (buf) FreePool(buf);
    if (whole) FreePool(whole);
}

/* One File.Read of up to `request` bytes: its ticks go to `*ticks` (and to `log[*count]`,
 * when there is room), its bytes to `*done`; 0 at the end of the file, -1 on an error. */
static int timed_read(EFI_FILE *f, UINTN request, UINT8 *buf, UINT64 *ticks, UINT64 *done, UINT64 *log, UINTN *count, UINTN room) {
    UINTN got = request;
    UINT64 t0 = tsc();
    EFI_STATUS st = f->Read(f, &got, buf);
    UINT64 t = tsc() - t0;
    if (st != EFI_SUCCESS) return -1;
    if (got == 0) return 0;
    *ticks += t;
    *done += got;
    if (got == request && *count < room) log[(*count)++] = t;   /* whole requests only */
    return 1;
}

/* Sorts `n` values (insertion sort: n is a few hundred): v[n / 10] is then the tenth
 * percentile, v[n / 2] the median. */
static void sort_ticks(UINT64 *v, UINTN n) {
    for (UINTN i = 1; i < n; i++)
        for (UINTN j = i; j > 0 && v[j - 1] > v[j]; j--) { UINT64 t = v[j]; v[j] = v[j - 1]; v[j - 1] = t; }
}

/* Benchmark mode (a file named standin.bench in the root): `path` read whole again in each
 * File.Read size a boot manager may use for a ramdisk WIM, three rounds:
 *   STANDIN throughput-request <path> request=<bytes> bytes=<n> us=<n> median_us=<n> p10_us=<n>
 * us: all the reads; median_us, p10_us: the median read and the tenth percentile (of whole
 * requests; a short last one is left out), which the host's scheduling on a shared machine
 * moves far less than the total.
 * When the loader started us, `direct` is the file system it was started from, and
 * `direct_path` a byte-identical copy of the file there: each request on our disk is then
 * followed (or, every other time, preceded) by one on the copy, each timed on its own, so
 * that both figures are taken under the same load:
 *   STANDIN throughput-request-bootdevice <direct_path> request=<bytes> bytes=<n> us=<n> median_us=<n> p10_us=<n>
 * (A copy, not the file itself: the firmware's FAT driver keeps one cluster position per
 * open file, and the loader reads `path` through it; two readers a request apart would send
 * it back to the first cluster on every request.) */
static void bench_requests(EFI_FILE *root, const CHAR16 *path, EFI_FILE *direct, const CHAR16 *direct_path) {
    static const UINTN requests[] = { 1u << 20, 2u << 20, 4u << 20, 8u << 20 };
    const UINTN room = 4096;   /* reads logged per file and pass: 4 GiB in 1 MiB requests */
    UINT8 *buf = AllocatePool(8u << 20);
    UINT64 *log = AllocatePool(2 * room * sizeof(UINT64));
    for (UINTN round = 0; buf && log && round < 3; round++) {
        for (UINTN i = 0; i < sizeof requests / sizeof *requests; i++) {
            EFI_FILE *f[2] = { NULL, NULL };
            if (root->Open(root, &f[0], (CHAR16 *)path, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS) f[0] = NULL;
            if (direct && direct->Open(direct, &f[1], (CHAR16 *)direct_path, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS) f[1] = NULL;
            UINT64 ticks[2] = { 0, 0 }, done[2] = { 0, 0 };
            UINTN count[2] = { 0, 0 };
            int more[2] = { f[0] != NULL, f[1] != NULL }, bad = !f[0];
            for (UINTN n = 0; !bad && (more[0] || more[1]); n++) {
                for (UINTN k = 0; k < 2; k++) {
                    UINTN w = (k + n) % 2;   /* alternate which of the two goes first */
                    if (!more[w]) continue;
                    int r = timed_read(f[w], requests[i], buf, &ticks[w], &done[w], log + w * room, &count[w], room);
                    if (r < 0) bad = 1;
                    more[w] = r > 0;
                }
            }
            for (UINTN w = 0; w < 2; w++) if (f[w]) f[w]->Close(f[w]);
            if (bad || !done[0]) { serial_printf("STANDIN readerror %S request=%lu\n", path, (UINT64)requests[i]); goto out; }
            for (UINTN w = 0; w < 2; w++) {
                UINT64 *v = log + w * room;
                if (!done[w] || !count[w]) continue;
                sort_ticks(v, count[w]);
                serial_printf("STANDIN throughput-request%a %S request=%lu bytes=%lu us=%lu median_us=%lu p10_us=%lu\n",
                              w ? "-bootdevice" : "", w ? direct_path : path, (UINT64)requests[i], done[w],
                              ticks[w] / tsc_per_us, v[count[w] / 2] / tsc_per_us, v[count[w] / 10] / tsc_per_us);
            }
        }
    }
out:
    if (buf) FreePool(buf);
    if (log) FreePool(log);
}

/* The file system of the device the loader (our parent image) was started from; NULL when
 * there is none (the stand-in booted directly: its parent is the firmware's boot manager). */
static EFI_FILE *parent_root(EFI_LOADED_IMAGE *li) {
    EFI_LOADED_IMAGE *parent = NULL; EFI_FILE_IO_INTERFACE *fs = NULL; EFI_FILE *root = NULL;
    if (!li || BS->HandleProtocol(li->ParentHandle, &LoadedImageProtocol, (void **)&parent) != EFI_SUCCESS ||
        !parent->DeviceHandle || BS->HandleProtocol(parent->DeviceHandle, &FileSystemProtocol, (void **)&fs) != EFI_SUCCESS ||
        fs->OpenVolume(fs, &root) != EFI_SUCCESS)
        return NULL;
    return root;
}

/* The file this image was loaded as: the file path node(s) of LoadedImage.FilePath (UEFI
 * spec 2.10 §10.3.5.4: a NUL-terminated UTF-16 path after the 4-byte node header). */
static void report_image_path(EFI_LOADED_IMAGE *li) {
    serial_puts("STANDIN image ");
    for (EFI_DEVICE_PATH *dp = li ? li->FilePath : NULL; dp && !IsDevicePathEnd(dp); dp = NextDevicePathNode(dp))
        if (DevicePathType(dp) == MEDIA_DEVICE_PATH && DevicePathSubType(dp) == MEDIA_FILEPATH_DP)
            serial_printf("%S", (CHAR16 *)((UINT8 *)dp + 4));
    serial_puts("\n");
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab) {
    InitializeLib(image, systab);
    serial_puts("STANDIN start (STAND-IN boot manager, not Microsoft's)\n");
    Print(L"STAND-IN boot manager (not Microsoft's): checking the virtual disk\n");

    UINT64 a = tsc(); BS->Stall(20000); UINT64 b = tsc();
    tsc_per_us = (b - a) / 20000;

    EFI_LOADED_IMAGE *li = NULL;
    BS->HandleProtocol(image, &LoadedImageProtocol, (void **)&li);
    serial_puts("STANDIN cmdline ");
    if (li && li->LoadOptions && li->LoadOptionsSize >= 2) {
        CHAR16 *o = li->LoadOptions; UINTN n = li->LoadOptionsSize / 2;
        for (UINTN i = 0; i < n && o[i]; i++) { char c[2] = { o[i] >= 0x20 && o[i] < 0x7f ? (char)o[i] : '?', 0 }; serial_puts(c); }
    }
    serial_puts("\n");
    report_image_path(li);

    EFI_BLOCK_IO *bio = NULL;
    EFI_HANDLE part = find_partition(&bio);
    if (part) {
        serial_printf("STANDIN device vendor media=%x partition=%u blocks=%lu\n", bio->Media->MediaId,
                      (UINT32)bio->Media->LogicalPartition, bio->Media->LastBlock + 1);
        /* Did the loader already give the partition a file system (for a UEFI shell)? */
        void *pre = NULL;
        serial_printf("STANDIN simplefs preconnected=%u\n",
                      (UINT32)(BS->HandleProtocol(part, &FileSystemProtocol, &pre) == EFI_SUCCESS));
        BS->ConnectController(part, NULL, NULL, TRUE);   /* let the firmware's FAT driver bind */
    } else {
        part = li ? li->DeviceHandle : NULL;   /* booted directly (harness self-test) */
        serial_puts("STANDIN device fallback\n");
    }
    EFI_FILE_IO_INTERFACE *fs = NULL; EFI_FILE *root = NULL;
    if (!part || BS->HandleProtocol(part, &FileSystemProtocol, (void **)&fs) != EFI_SUCCESS ||
        fs->OpenVolume(fs, &root) != EFI_SUCCESS) {
        serial_puts("STANDIN error no filesystem on the partition\n");
    } else {
        for (UINTN i = 0; i < sizeof bcd_paths / sizeof *bcd_paths; i++) report_file(root, bcd_paths[i], 1, 0);
        for (UINTN i = 0; i < sizeof other_paths / sizeof *other_paths; i++) report_file(root, other_paths[i], 0, 1);   /* timed: boot.sdi may be in memory, boot.wim is on the boot device */
        if (file_exists(root, "\\standin.bench") && tsc_per_us)
            bench_requests(root, L"\\boot.wim", bio ? parent_root(li) : NULL, L"\\boot.wim.2copy");
    }
    report_disk();
    int found_all = root && follow_bcd(root);
    /* As the OS loader would once everything is found: end boot services (the loader watches
     * for it); COM1 is written by port I/O, which still works afterwards. */
    if (found_all && end_boot_services(image)) serial_puts("STANDIN exitbootservices\n");
    serial_puts("STANDIN done\n");
    if (screen_status) draw_error_screen();
    RT->ResetSystem(EfiResetShutdown, EFI_SUCCESS, 0, NULL);
    return EFI_SUCCESS;
}
