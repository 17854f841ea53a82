/* bootmgr.exe out of a supplied PCAT bootmgr (BootCore BootmgrImage: LZNT1 or XCA, found by
 * trying the candidate streams), decoded into the heap; the result joins the inputs as
 * bootmgr.exe. A bootmgr without one is no error here: the WIM's bootmgr.exe is the fallback
 * (LoaderBiosFiles), and main.c says what is missing when there is none. */
#include "bios.h"
#include "bridge.h"
#include "inputs.h"

int posix_memalign(void **out, size_t align, size_t size);
void heap_truncate_after(void *block, size_t size);
#define MAX_IMAGE (32u << 20)      /* real bootmgr.exe files are 1-2 MiB */

int extract_bootmgr(struct input *packed, char *why, size_t why_capacity) {
    void *out = 0;
    uint32_t capacity = MAX_IMAGE;
    while (posix_memalign(&out, 4096, capacity)) if ((capacity /= 2) < (1u << 20)) die("no memory to decompress %s", packed->name);
    uint32_t size = 0, offset = 0;
    int32_t format = 0;
    if (bios_bootmgr_extract(packed->data, packed->size, out, capacity, &size, &offset, &format) != LDR_OK) {
        ldr_vdisk_error(why, (intptr_t)why_capacity);   /* the buffer stays: the error text lies after it */
        serial_printf("LOADER bootmgr.exe not found in %s: %s\n", packed->name, why);
        return 0;
    }
    heap_truncate_after(out, size);                     /* the decoder allocated nothing that outlives it */
    add_memory_input("bootmgr.exe", out, size);
    serial_printf("LOADER extracted bootmgr.exe from %s offset=%x format=%s size=%u\n", packed->name, offset, format == 1 ? "lznt1" : "xca", size);
    info("loader: using the bootmgr.exe in %s\n", packed->name);
    return 1;
}
