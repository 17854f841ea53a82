/* The command line: the load options and the image's own file name go to BootCore's
 * LoaderCommandLine (swift/RulesBridge.swift), which decides; this only fills `struct options`. */
#include "loader.h"
#include "bridge.h"

/* The image's own file path: the last file-path node of its device path, or NULL. */
static const CHAR16 *image_path(EFI_LOADED_IMAGE *li) {
    const CHAR16 *self = NULL;
    for (EFI_DEVICE_PATH *dp = li->FilePath; dp && !IsDevicePathEnd(dp); dp = NextDevicePathNode(dp))
        if (DevicePathType(dp) == MEDIA_DEVICE_PATH && DevicePathSubType(dp) == MEDIA_FILEPATH_DP)
            self = ((FILEPATH_DEVICE_PATH *)dp)->PathName;
    return self;
}

EFI_STATUS parse_cmdline(EFI_LOADED_IMAGE *li, struct options *o, CHAR16 *bad, UINTN badlen) {
    SetMem(o, sizeof *o, 0);
    const CHAR16 *self = image_path(li);
    UINT32 bits = 0;
    INTN index = 0;
    INT32 status = ldr_cmdline_parse(li->LoadOptions, li->LoadOptions ? li->LoadOptionsSize : 0, self,
                                     self ? StrLen((CHAR16 *)self) : 0, &bits, &index, bad, badlen);
    /* Also on a refusal: the options before the refused word hold (`pause` waits). */
    o->rawbcd = (bits & LDR_OPT_RAW_BCD) != 0;
    o->rawwim = (bits & LDR_OPT_RAW_WIM) != 0;
    o->gui = (bits & LDR_OPT_GUI) != 0;
    o->pause = (bits & LDR_OPT_PAUSE) != 0;
    o->pause_quiet = (bits & LDR_OPT_PAUSE_QUIET) != 0;
    o->quiet = (bits & LDR_OPT_QUIET) != 0;
    o->index = index;
    return status == LDR_OK ? EFI_SUCCESS : EFI_INVALID_PARAMETER;
}
