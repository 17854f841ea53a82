#pragma once
/* The codes of the Swift bridge, for the C of every loader image (src/bridge.h, bios/bridge.h).
 * INT32 results: BootCore's LoaderBridgeStatus (Sources/BootCore/Boot/LoaderBridgeCodes.swift);
 * ldr_cmdline_parse's option bits: BootCore's LoaderOptionBit (same file). LoaderBridgeHeaderTests
 * checks this header against both. */
#define LDR_OK 0
#define LDR_E_FILE_TOO_LARGE 1
#define LDR_E_REFUSED 2
#define LDR_E_READ 3
#define LDR_E_RANGE 4
#define LDR_E_FAILED 5
#define LDR_OPT_RAW_BCD 1
#define LDR_OPT_GUI 2
#define LDR_OPT_PAUSE 4
#define LDR_OPT_PAUSE_QUIET 8
#define LDR_OPT_QUIET 16
#define LDR_OPT_RAW_WIM 32
