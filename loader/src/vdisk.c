/* The virtual disk as the firmware sees it: two read-only BlockIo handles, the whole disk
 * (device path Vendor(LOADER_VDISK_GUID)) and its one partition (…/HD(1,MBR,sig,start,size)).
 * Sectors are produced on demand by the Swift side (ldr_vdisk_read). */
#include "loader.h"
#include "bridge.h"
#include "vdisk_ids.h"

struct vblock {
    EFI_BLOCK_IO bio;            /* first member: the protocol pointer is the struct pointer */
    EFI_BLOCK_IO_MEDIA media;
    UINT64 first;                /* disk LBA of this device's block 0 */
};
static struct vblock disk, part;
static EFI_GUID vdisk_guid = LOADER_VDISK_GUID;

static EFI_STATUS EFIAPI vb_reset(EFI_BLOCK_IO *This, BOOLEAN extended) { return EFI_SUCCESS; }
static EFI_STATUS EFIAPI vb_flush(EFI_BLOCK_IO *This) { return EFI_SUCCESS; }
static EFI_STATUS EFIAPI vb_write(EFI_BLOCK_IO *This, UINT32 media, EFI_LBA lba, UINTN size, VOID *buf) {
    return EFI_WRITE_PROTECTED;
}

static EFI_STATUS EFIAPI vb_read(EFI_BLOCK_IO *This, UINT32 media, EFI_LBA lba, UINTN size, VOID *buf) {
    struct vblock *v = (struct vblock *)This;
    if (media != v->media.MediaId) return EFI_MEDIA_CHANGED;
    if (size % 512) return EFI_BAD_BUFFER_SIZE;
    if (!buf) return EFI_INVALID_PARAMETER;
    if (lba > v->media.LastBlock || size / 512 > v->media.LastBlock + 1 - lba) return EFI_INVALID_PARAMETER;
    if (size == 0) return EFI_SUCCESS;
    return ldr_vdisk_read(v->first + lba, buf, size) == 0 ? EFI_SUCCESS : EFI_DEVICE_ERROR;
}

/* DiskIo on the partition, installed with its BlockIo, so that the firmware's FAT driver
 * reads our sectors without the firmware's generic DiskIo layer in between (a pool allocation
 * and a task list per call): whole sectors of a byte range go straight to BootCore in one
 * read; a partial sector at either end through a one-sector bounce (UEFI 2.x 13.7: byte
 * offsets, EFI_INVALID_PARAMETER past the end). */
static EFI_STATUS EFIAPI vd_read(EFI_DISK_IO_PROTOCOL *This, UINT32 media, UINT64 offset, UINTN size, VOID *buf) {
    if (media != part.media.MediaId) return EFI_MEDIA_CHANGED;
    UINT64 end = (part.media.LastBlock + 1) * 512;
    if (offset > end || size > end - offset) return EFI_INVALID_PARAMETER;
    if (size && !buf) return EFI_INVALID_PARAMETER;
    UINT8 *p = buf, sector[512];
    while (size) {
        UINT64 lba = offset / 512;
        UINTN skip = (UINTN)(offset % 512), n;
        if (skip == 0 && size >= 512) {
            n = size & ~(UINTN)511;
            if (ldr_vdisk_read(part.first + lba, p, n) != 0) return EFI_DEVICE_ERROR;
        } else {
            n = 512 - skip < size ? 512 - skip : size;
            if (ldr_vdisk_read(part.first + lba, sector, 512) != 0) return EFI_DEVICE_ERROR;
            BS->CopyMem(p, sector + skip, n);
        }
        p += n; offset += n; size -= n;
    }
    return EFI_SUCCESS;
}
static EFI_STATUS EFIAPI vd_write(EFI_DISK_IO_PROTOCOL *This, UINT32 media, UINT64 offset, UINTN size, VOID *buf) {
    return EFI_WRITE_PROTECTED;
}
static EFI_DISK_IO_PROTOCOL part_dio = { EFI_DISK_IO_PROTOCOL_REVISION, vd_read, vd_write };

static void setup(struct vblock *v, UINT64 first, UINT64 blocks, BOOLEAN partition) {
    v->bio.Revision = EFI_BLOCK_IO_INTERFACE_REVISION;
    v->bio.Media = &v->media;
    v->bio.Reset = vb_reset;
    v->bio.ReadBlocks = vb_read;
    v->bio.WriteBlocks = vb_write;
    v->bio.FlushBlocks = vb_flush;
    v->media.MediaId = LOADER_VDISK_MEDIA_ID;
    v->media.MediaPresent = TRUE;
    v->media.LogicalPartition = partition;
    v->media.ReadOnly = TRUE;
    v->media.BlockSize = 512;
    v->media.LastBlock = blocks - 1;
    v->first = first;
}

/* Device path nodes are byte-packed; build them in a byte buffer. */
static UINT8 *put_node(UINT8 *p, UINT8 type, UINT8 sub, UINT16 len) {
    p[0] = type; p[1] = sub; p[2] = len & 0xFF; p[3] = len >> 8;
    return p + len;
}

static UINT8 disk_path[20 + 4], part_path[20 + 42 + 4];

EFI_STATUS vdisk_install(EFI_HANDLE *partition, EFI_DEVICE_PATH **partition_path) {
    UINT64 start = ldr_vdisk_partition_start(), size = ldr_vdisk_partition_sectors();
    setup(&disk, 0, ldr_vdisk_disk_sectors(), FALSE);
    setup(&part, start, size, TRUE);

    UINT8 *p = disk_path;
    CopyMem(p + 4, &vdisk_guid, sizeof vdisk_guid);
    p = put_node(p, HARDWARE_DEVICE_PATH, HW_VENDOR_DP, 20);
    put_node(p, END_DEVICE_PATH_TYPE, END_ENTIRE_DEVICE_PATH_SUBTYPE, 4);

    CopyMem(part_path, disk_path, 20);
    p = part_path + 20;
    UINT32 number = 1, sig = LOADER_VDISK_MBR_SIGNATURE;
    CopyMem(p + 4, &number, 4);
    CopyMem(p + 8, &start, 8);
    CopyMem(p + 16, &size, 8);
    SetMem(p + 24, 16, 0);
    CopyMem(p + 24, &sig, 4);
    p[40] = MBR_TYPE_PCAT;
    p[41] = SIGNATURE_TYPE_MBR;
    p = put_node(p, MEDIA_DEVICE_PATH, MEDIA_HARDDRIVE_DP, 42);
    put_node(p, END_DEVICE_PATH_TYPE, END_ENTIRE_DEVICE_PATH_SUBTYPE, 4);

    EFI_HANDLE dh = NULL, ph = NULL;
    EFI_STATUS st = BS->InstallMultipleProtocolInterfaces(&dh, &BlockIoProtocol, &disk.bio,
                                                          &DevicePathProtocol, disk_path, NULL);
    if (st != EFI_SUCCESS) return st;
    st = BS->InstallMultipleProtocolInterfaces(&ph, &BlockIoProtocol, &part.bio, &DiskIoProtocol, &part_dio,
                                               &DevicePathProtocol, part_path, NULL);
    if (st != EFI_SUCCESS) return st;
    /* The firmware's FAT driver gives the partition a SimpleFileSystem (for a UEFI shell,
     * and for boot managers that use it).  Not fatal if it does not bind. */
    BS->ConnectController(ph, NULL, NULL, TRUE);
    *partition = ph;
    *partition_path = (EFI_DEVICE_PATH *)part_path;
    return EFI_SUCCESS;
}
