/* The inputs: the members of the initrd, a newc cpio archive (iPXE wraps each `initrd URI
 * NAME` in a newc header; SYSLINUX initrdfile= and GRUB newc: do too), parsed by BootCore's
 * CpioReader. Each file is served in place from where the boot program put it: nothing is
 * copied. A member's name is taken after its last '/'. */
#include "bios.h"
#include "bridge.h"
#include "inputs.h"

struct input inputs[MAX_INPUTS];
unsigned input_count;

static char lower(char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

struct input *find_input(const char *name) {
    for (unsigned i = 0; i < input_count; i++) {
        const char *a = inputs[i].name, *b = name;
        while (*a && lower(*a) == lower(*b)) { a++; b++; }
        if (!*a && !*b) return &inputs[i];
    }
    return 0;
}

struct input *input_at(int32_t index) { return index >= 0 && (unsigned)index < input_count ? &inputs[index] : 0; }

const uint16_t *ldr_input_name(int32_t index, intptr_t *length) {
    struct input *in = input_at(index);
    if (!in) return 0;
    *length = in->length;
    return in->name16;
}

int32_t ldr_file_read(int32_t index, uint64_t offset, void *buffer, uint64_t length) {
    struct input *in = input_at(index);
    if (!in) return LDR_E_RANGE;
    if (offset > in->size || length > in->size - offset) return LDR_E_RANGE;
    memcpy(buffer, in->data + (uint32_t)offset, (size_t)length);
    return LDR_OK;
}

void take_inputs(void) {
    uint32_t base = setup_u32(HDR_RAMDISK_IMAGE), size = setup_u32(HDR_RAMDISK_SIZE);
    if (!base || !size) die("no initrd: give the files as an initrd (iPXE: initrd URI NAME; SYSLINUX: initrdfile=; GRUB: initrd16 newc:NAME:PATH)");
    char why[160];
    serial_printf("LOADER initrd at=%x size=%u\n", base, size);
    if (bios_cpio_parse((const void *)base, size) != LDR_OK) {
        ldr_vdisk_error(why, sizeof why);
        die("the initrd is not a newc cpio archive: %s", why);
    }
    char name[MAX_NAME + 64];
    uint32_t offset, length;
    for (intptr_t n = 0; ; n++) {
        int32_t kind = bios_cpio_entry(n, name, sizeof name, &offset, &length);
        if (kind < 0) break;
        if (kind == 0) continue;                         /* directories, links */
        const char *leaf = name;
        for (const char *p = name; *p; p++) if (*p == '/') leaf = p + 1;
        size_t len = strlen(leaf);
        if (len == 0 || len >= MAX_NAME) { info("loader: skipping a file with an unusable name\n"); continue; }
        if (input_count == MAX_INPUTS) die("too many input files (at most %u)", MAX_INPUTS);
        struct input *in = &inputs[input_count];
        for (size_t i = 0; i <= len; i++) { in->name[i] = leaf[i]; in->name16[i] = (uint8_t)leaf[i]; }
        in->length = len;
        if (ldr_name_reserved(in->name16, len) || find_input(in->name)) {
            info("loader: skipping %s (name clashes with a directory or another file)\n", in->name);
            continue;
        }
        in->size = length;
        in->data = (const uint8_t *)(base + offset);
        input_count++;
        serial_printf("LOADER input %s size=%u\n", in->name, length);
        info("loader: %s (%u bytes)\n", in->name, length);
    }
    if (input_count == 0) die("the initrd holds no files");
}

void add_memory_input(const char *name, const void *data, uint32_t size) {
    if (input_count == MAX_INPUTS) die("too many input files (at most %u)", MAX_INPUTS);
    struct input *in = &inputs[input_count++];
    size_t len = strlen(name);
    for (size_t i = 0; i <= len && i < MAX_NAME; i++) { in->name[i] = name[i]; in->name16[i] = (uint8_t)name[i]; }
    in->length = len;
    in->size = size;
    in->data = data;
}
