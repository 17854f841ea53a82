/* Files the BIOS loader takes from the WIM when they were not supplied: which WIM and image
 * (LoaderWimChoice) and which files (LoaderBiosFiles) is BootCore's; this extracts them
 * (BootCore's WIM reader, swift/WimBridge.swift) into the heap, where they join the inputs. */
#include "bios.h"
#include "bridge.h"
#include "inputs.h"
#include "options.h"

int posix_memalign(void **out, size_t align, size_t size);

static void wim_die(struct input *wim, const char *what) {
    char why[200];
    ldr_vdisk_error(why, sizeof why);
    die("%s: %s: %s", wim->name, what, why);
}

void take_from_wim(void) {
    char path[MAX_NAME], name[MAX_NAME];
    int32_t wanted[8];
    intptr_t slots = 0;
    int any = 0, needed = 0;   /* needed: a file other than an optional one (3) */
    for (; slots < 8 && (wanted[slots] = bios_wim_wanted(slots, path, MAX_NAME, name, MAX_NAME)) >= 0; slots++) {
        any |= wanted[slots] > 0;
        needed |= wanted[slots] == 1 || wanted[slots] == 2;
    }
    struct input *wim = input_at(ldr_wim_input());
    if (!any || !wim) return;
    if (ldr_wim_open((int32_t)(wim - inputs), wim->size, opts.index) != LDR_OK) {
        if (needed) wim_die(wim, "unusable WIM");
        serial_printf("LOADER wim %s unreadable: optional files not taken\n", wim->name);
        return;
    }
    serial_printf("LOADER wim %s images=%u index=%u\n", wim->name, (uint32_t)ldr_wim_image_count(), (uint32_t)opts.index);
    for (intptr_t s = 0; s < slots; s++) {
        if (wanted[s] <= 0) continue;
        bios_wim_wanted(s, path, MAX_NAME, name, MAX_NAME);
        int64_t size = ldr_wim_file_size(path, strlen(path));
        if (size == -1) continue;                       /* not in the image: the checks after say what is missing */
        if (size < 0) wim_die(wim, "cannot look up a file");
        if (size > 0x7FFFFFFF) die("%s: %s is too large", wim->name, path);
        void *data = 0;
        if (posix_memalign(&data, 4096, size ? (size_t)size : 1)) die("not enough memory to extract %s from %s", path, wim->name);
        if (ldr_wim_file_read(path, strlen(path), data, (uint64_t)size) != LDR_OK) wim_die(wim, "cannot extract a file");
        add_memory_input(name, data, (uint32_t)size);
        serial_printf("LOADER extracted %s size=%u\n", path, (uint32_t)size);
        info("loader: using %s from %s\n", path, wim->name);
    }
}
