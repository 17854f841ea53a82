/* bootmgr.exe's entry, as a BIOS boot program enters it (docs/bios-boot.md): the PE image laid
 * out and relocated at a page of the loader's heap (BootCore PEImage), the boot application
 * parameter block built after it (BootCore BootAppParameters) naming the memory the boot
 * manager must leave alone, the E820 map it will read through the callback with that memory
 * reserved (BootCore BiosMemoryMap), the BIOS's hard disk count raised by one for the emulated
 * drive; then entry(block), cdecl, in 32-bit flat protected mode, paging and interrupts off. */
#include "bios.h"
#include "bridge.h"
#include "handoff.h"
#include "memmap.h"
#include "vdisk.h"

extern char setup_size[];
int posix_memalign(void **out, size_t align, size_t size);
#define PAGE 4096
#define CALLBACK_HEAP (4u << 20)   /* what the callbacks may still allocate (bump heap) */

enum { R_SETUP, R_LOADER, R_IMAGE, R_TABLES, R_INITRD, NUM_REGIONS };

void enter_bootmgr(struct input *bootmgr) {
    char why[160];
    uint32_t image_size = 0, entry = 0;
    if (bios_pe_parse((int32_t)(bootmgr - inputs), bootmgr->size, &image_size, &entry) != LDR_OK) {
        ldr_vdisk_error(why, sizeof why);
        die("%s is not a usable boot manager: %s", bootmgr->name, why);
    }
    void *image = 0;
    if (posix_memalign(&image, PAGE, image_size)) die("no memory for %s (%u bytes)", bootmgr->name, image_size);
    if (bios_pe_load(image) != LDR_OK) {
        ldr_vdisk_error(why, sizeof why);
        die("cannot load %s: %s", bootmgr->name, why);
    }
    uint32_t image_at = (uint32_t)image;
    serial_printf("LOADER bootmgr.exe at=%x size=%u entry=%x\n", image_at, image_size, image_at + entry);

    intptr_t block_size = bios_bootapp_size(NUM_REGIONS);
    void *block = 0;
    if (posix_memalign(&block, PAGE, (size_t)block_size)) die("no memory for the boot application parameters");
    /* The callbacks run on the loader's heap from here on: a fixed amount after what is used. */
    uintptr_t heap_end = (heap_used_end() + CALLBACK_HEAP + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
    heap_init(heap_used_end(), heap_end);

    uint32_t starts[NUM_REGIONS], ends[NUM_REGIONS];
    starts[R_SETUP] = bios_setup_base; ends[R_SETUP] = bios_setup_base + (uint32_t)setup_size;
    starts[R_LOADER] = PM_BASE; ends[R_LOADER] = image_at;
    starts[R_IMAGE] = image_at; ends[R_IMAGE] = image_at + image_size;
    starts[R_TABLES] = image_at + ((image_size + PAGE - 1) & ~(uint32_t)(PAGE - 1)); ends[R_TABLES] = heap_end;
    starts[R_INITRD] = setup_u32(HDR_RAMDISK_IMAGE); ends[R_INITRD] = starts[R_INITRD] + setup_u32(HDR_RAMDISK_SIZE);
    if (bios_bootapp_build(block, image_at, image_size, starts, ends, NUM_REGIONS, vdisk_drive,
                           (uint32_t)bootapp_call_interrupt, (uint32_t)bootapp_call_real) != LDR_OK)
        die("cannot build the boot application parameters");

    for (unsigned i = 0; i < memmap_count; i++) bios_e820_add(memmap[i].base, memmap[i].length, memmap[i].type);
    for (int i = 0; i < NUM_REGIONS; i++) {
        bios_e820_keep(starts[i], ends[i]);
        serial_printf("LOADER keep %x-%x\n", starts[i], ends[i] - 1);
    }
    serial_printf("LOADER e820 for bootmgr.exe: %u entries\n", (uint32_t)bios_e820_build());
    uint16_t kib = bios_conventional_kib();
    poke16(0x413, kib);   /* BDA: base memory, as INT 12h now answers */
    serial_printf("LOADER base memory %u KiB\n", kib);

    uint8_t disks = (uint8_t)(vdisk_drive - 0x80 + 1);
    if (bios_int13_start(vdisk_drive, disks) != LDR_OK) die("cannot serve the virtual disk");
    poke8(0x475, disks);   /* BDA: hard disk count, ours included */
    serial_printf("LOADER entering bootmgr.exe (parameters at %x, drive 0x%x)\n", (uint32_t)block, vdisk_drive);
    info("loader: entering %s\n", bootmgr->name);
    if (pause_mode) wait_key("Press a key to start the boot manager\n");
    ((void (*)(void *))(image_at + entry))(block);
    die("%s returned", bootmgr->name);
}
