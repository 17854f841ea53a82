/* Input discovery: every regular file in the root directory of the device the loader was
 * started from (a FAT stick, a directory drive, or iPXE's image filesystem where each
 * `imgfetch --name` image appears under its name).  Files stay on that device and are read
 * in place; only the small ones the loader edits are brought into memory. */
#include "loader.h"
#include "serial.h"
#include "bridge.h"

struct input inputs[MAX_INPUTS];
UINTN input_count;

static CHAR16 lower(CHAR16 c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static BOOLEAN same_name(const CHAR16 *a, const CHAR16 *b) {
    for (; *a && *b; a++, b++) if (lower(*a) != lower(*b)) return FALSE;
    return *a == *b;
}

struct input *find_input(const CHAR16 *name) {
    for (UINTN i = 0; i < input_count; i++) if (same_name(inputs[i].name, name)) return &inputs[i];
    return NULL;
}

struct input *input_at(INT32 index) {
    return index >= 0 && (UINTN)index < input_count ? &inputs[index] : NULL;
}

const UINT16 *ldr_input_name(INT32 index, INTN *length) {
    struct input *in = input_at(index);
    if (!in) return NULL;
    *length = StrLen(in->name);
    return in->name;
}

EFI_STATUS discover_inputs(EFI_HANDLE device) {
    EFI_FILE_IO_INTERFACE *fs;
    EFI_FILE *root;
    if (BS->HandleProtocol(device, &FileSystemProtocol, (void **)&fs) != EFI_SUCCESS) die(L"the boot device has no file system to take inputs from");
    if (fs->OpenVolume(fs, &root) != EFI_SUCCESS) die(L"cannot open the boot device's file system");
    UINTN bufsize = SIZE_OF_EFI_FILE_INFO + 512 * sizeof(CHAR16);
    EFI_FILE_INFO *fi = AllocatePool(bufsize);
    for (;;) {
        UINTN n = bufsize;
        EFI_STATUS st = root->Read(root, &n, fi);
        if (st != EFI_SUCCESS) die(L"cannot list the boot device's root directory (%r)", st);
        if (n == 0) break;
        if (fi->Attribute & EFI_FILE_DIRECTORY) continue;
        UINTN len = StrLen(fi->FileName);
        if (len == 0 || len >= MAX_NAME) { info(L"loader: skipping a file with an unusable name\n"); continue; }
        /* A virtual directory's name (BootCore's VirtualDirectories.reservedNames) cannot be a file's. */
        if (ldr_name_reserved(fi->FileName, len) || find_input(fi->FileName)) { info(L"loader: skipping %s (name clashes with a directory or another file)\n", fi->FileName); continue; }
        if (input_count == MAX_INPUTS) die(L"too many input files (at most %d)", MAX_INPUTS);
        struct input *in = &inputs[input_count];
        StrCpy(in->name, fi->FileName);
        in->size = fi->FileSize;
        if (root->Open(root, &in->file, fi->FileName, EFI_FILE_MODE_READ, 0) != EFI_SUCCESS) die(L"cannot open input %s", fi->FileName);
        input_count++;
        serial_printf("LOADER input %S size=%lu\n", in->name, in->size);
    }
    FreePool(fi);
    return EFI_SUCCESS;
}

static EFI_STATUS read_file(EFI_FILE *f, UINT64 offset, UINT8 *p, UINTN len) {
    EFI_STATUS st = f->SetPosition(f, offset);
    while (st == EFI_SUCCESS && len) {
        UINTN got = len;
        st = f->Read(f, &got, p);
        if (st == EFI_SUCCESS && got == 0) st = EFI_END_OF_FILE;
        p += got; len -= got;
    }
    return st;
}

/* Small reads of the virtual disk (a sector, a driver's cache page) are served from a
 * read-ahead window per input, so the boot device sees large sequential reads instead; reads
 * of 64 KiB or more go straight into the caller's buffer.  Copies use the firmware's
 * CopyMem: gnu-efi's CopyMem and memcpy move one byte per loop turn, slow under emulation. */
#define WINDOW (1u << 20)

EFI_STATUS read_input(struct input *in, UINT64 offset, void *buf, UINTN len) {
    if (offset > in->size || len > in->size - offset) return EFI_INVALID_PARAMETER;
    if (in->data) { BS->CopyMem(buf, in->data + offset, len); return EFI_SUCCESS; }
    if (len >= WINDOW / 16) return read_file(in->file, offset, buf, len);   /* big: no extra copy */
    if (!in->window && !(in->window = AllocatePool(WINDOW))) return read_file(in->file, offset, buf, len);
    if (offset < in->window_at || offset + len > in->window_at + in->window_len) {
        UINT64 at = offset & ~(UINT64)4095;
        UINTN n = in->size - at < WINDOW ? (UINTN)(in->size - at) : WINDOW;
        in->window_len = 0;
        EFI_STATUS st = read_file(in->file, at, in->window, n);
        if (st != EFI_SUCCESS) return st;
        in->window_at = at;
        in->window_len = n;
    }
    BS->CopyMem(buf, in->window + (offset - in->window_at), len);
    return EFI_SUCCESS;
}

EFI_STATUS load_input(struct input *in) {
    if (in->data) return EFI_SUCCESS;
    UINT8 *d = AllocatePool(in->size ? in->size : 1);
    if (!d) return EFI_OUT_OF_RESOURCES;
    EFI_STATUS st = read_input(in, 0, d, in->size);
    if (st != EFI_SUCCESS) { FreePool(d); return st; }
    in->data = d;
    return EFI_SUCCESS;
}

INT32 ldr_file_read(INT32 index, UINT64 offset, void *buffer, UINT64 length) {
    struct input *in = input_at(index);
    if (!in) return LDR_E_RANGE;
    return read_input(in, offset, buffer, length) == EFI_SUCCESS ? LDR_OK : LDR_E_READ;
}
