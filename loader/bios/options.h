/* The command line's options that the BIOS loader uses (cmdline.c). rawbcd and gui are
 * accepted (one command line for both loaders) and change nothing here: in BIOS mode the BCD
 * is never patched. pause and pause=quiet: console.c (pause_mode). */
#pragma once
#include <stdint.h>
struct options { int rawwim, quiet; intptr_t index; };
extern struct options opts;
void parse_cmdline(void);
