/* The command line's options that the BIOS loader uses (cmdline.c). rawbcd, gui and pause are
 * accepted (one command line for both loaders) and change nothing here: in BIOS mode the BCD
 * is never patched. */
#pragma once
#include <stdint.h>
struct options { int rawwim, quiet; intptr_t index; };
extern struct options opts;
void parse_cmdline(void);
