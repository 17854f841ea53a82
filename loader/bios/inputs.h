/* The input files (inputs.c), in place in the initrd. */
#pragma once
#include <stdint.h>
#include <stddef.h>
#define MAX_INPUTS 64
#define MAX_NAME 128
struct input {
    char name[MAX_NAME];          /* ASCII, NUL-terminated */
    uint16_t name16[MAX_NAME];    /* the same as UTF-16, for the Swift bridges */
    uintptr_t length;             /* of the name */
    uint32_t size;
    const uint8_t *data;          /* in the initrd, where the boot program put it */
};
extern struct input inputs[MAX_INPUTS];
extern unsigned input_count;
struct input *find_input(const char *name);    /* ASCII case-insensitive */
struct input *input_at(int32_t index);         /* NULL for -1 (a bridge's "none") */
void take_inputs(void);                        /* dies with one line on a bad initrd */
/* wim.c: the files LoaderBiosFiles wants, from the WIM. */
void take_from_wim(void);
/* inputs.c: a file made in memory (extracted) joins the inputs. */
void add_memory_input(const char *name, const void *data, uint32_t size);
/* bootmgr_extract.c: 1 when bootmgr.exe was decoded from `packed` (added as bootmgr.exe), else 0 with why. */
int extract_bootmgr(struct input *packed, char *why, size_t why_capacity);
