#pragma once
#include <efi.h>
#include <efilib.h>

/* Command line (the loaded image's load options), wimboot-style. */
struct options {
    BOOLEAN rawbcd, rawwim, gui, pause, pause_quiet, quiet;
    UINTN index;            /* WIM image index; 0 = the WIM's boot index */
};

/* One input file: from the boot device's root directory, or made in memory by the loader
 * (the patched BCD, files extracted from a WIM). */
#define MAX_INPUTS 64
#define MAX_NAME 128
struct input {
    CHAR16 name[MAX_NAME];
    UINT64 size;
    EFI_FILE *file;         /* read in place when non-NULL */
    UINT8 *data;            /* else the bytes are here */
    UINT8 *window;          /* read-ahead for in-place files */
    UINT64 window_at;
    UINTN window_len;
};
extern struct input inputs[MAX_INPUTS];
extern UINTN input_count;

/* console.c */
void info(const CHAR16 *fmt, ...);                 /* suppressed by `quiet` */
void die(const CHAR16 *fmt, ...) __attribute__((noreturn));
void wait_key(const CHAR16 *prompt);
extern struct options opts;
extern EFI_HANDLE loader_image;

/* cmdline.c: the image's load options; on EFI_INVALID_PARAMETER the refused word is in `bad`
 * and `o` holds the options before it. */
EFI_STATUS parse_cmdline(EFI_LOADED_IMAGE *li, struct options *o, CHAR16 *bad, UINTN badlen);

/* inputs.c */
EFI_STATUS discover_inputs(EFI_HANDLE device);
struct input *find_input(const CHAR16 *name);
struct input *input_at(INT32 index);               /* NULL for -1 (a bridge "none") */
EFI_STATUS read_input(struct input *in, UINT64 offset, void *buf, UINTN len);
EFI_STATUS load_input(struct input *in);          /* bring the whole file into memory */

/* wim.c */
void take_from_wim(void);

/* vdisk.c */
EFI_STATUS vdisk_install(EFI_HANDLE *partition, EFI_DEVICE_PATH **partition_path);

/* handoff.c */
void watch_exit_boot_services(void);

/* secureboot.c */
BOOLEAN secure_boot_on(void);
void report_secure_boot(void);                       /* serial `LOADER secureboot on|off` */
BOOLEAN pe_has_signature(const UINT8 *pe, UINTN size);
const CHAR16 *secure_boot_refusal(EFI_STATUS st, const UINT8 *data, UINTN size);   /* NULL: not one */
void die_if_secure_boot_refused(EFI_STATUS st, const CHAR16 *name, const UINT8 *data, UINTN size);
/* bootmgr.c: the first candidate (ldr_boot_manager_input) that LoadImage accepts; never returns. */
EFI_STATUS start_boot_manager(EFI_HANDLE parent, EFI_HANDLE partition, EFI_DEVICE_PATH *partition_path);
