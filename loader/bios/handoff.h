/* Entering bootmgr.exe (bootmgr.c) and its callbacks (callback_entry.S, callback.c). */
#pragma once
#include "bios.h"
#include "inputs.h"
void enter_bootmgr(struct input *bootmgr) __attribute__((noreturn));
void bootapp_call_interrupt(struct bios_regs *r);   /* callback_entry.S: the addresses bootmgr.exe gets */
void bootapp_call_real(struct bios_regs *r);
void callback_interrupt(struct bios_regs *r);       /* callback.c: in the loader's GDT */
void callback_real(struct bios_regs *r);
