/* The command line's options that the BIOS loader uses (cmdline.c). rawbcd is accepted (one
 * command line for both loaders) and changes nothing here: in BIOS mode the BCD is never
 * patched. gui: VESA modes stay visible to the boot manager (callback.c). pause and pause=quiet: console.c (pause_mode). */
#pragma once
#include <stdint.h>
struct options { int rawwim, quiet, gui; intptr_t index; };
extern struct options opts;
void parse_cmdline(void);
