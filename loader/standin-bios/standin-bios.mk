# The BIOS STAND-IN boot manager, standin-bios.exe (included by loader/Makefile): a PE32 i386
# bootmgr.exe for the BIOS loader's tests.  C (gcc -m32, freestanding) + BootCore and the
# stand-in bridges (Embedded Swift, i686-unknown-none-elf), linked with ld -m elf_i386 at
# 0x400000 (standin-bios/standin-bios.lds) keeping its relocations (-q), then objcopy -O pei-i386
# and tools/pe-relocs.py, which turns the absolute ones into PE base relocations: the loader may
# place the image anywhere, as it may the real bootmgr.exe.
SB_C       := $(sort $(wildcard standin-bios/*.c))
SB_COMMON  := common/serial.c common/crc32.c common/libc_min.c common/i386/string.c
SB_BRIDGE  := standin/StandinBridge.swift standin/StandinWim.swift $(sort $(wildcard standin-bios/*.swift))
SB_CFLAGS  := -m32 -march=i686 -std=gnu11 -Os -Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration \
	-ffreestanding -fno-builtin -fno-pic -fno-pie -fno-stack-protector -fno-strict-aliasing \
	-fno-asynchronous-unwind-tables -mno-sse -mno-mmx -ffunction-sections -fdata-sections -MMD -MP
# loader/common's serial.c and crc32.c use gnu-efi's types only: its ia32 headers give them 32-bit widths.
SB_COMMON_CFLAGS := $(SB_CFLAGS) -I$(EFI_INC) -I$(EFI_INC)/ia32 -Icommon
SB_SWIFTFLAGS := -enable-experimental-feature Embedded -enable-experimental-feature Extern \
	-target i686-unknown-none-elf -wmo -parse-as-library -Osize -Xfrontend -disable-stack-protector \
	-Xcc -fno-pic -Xcc -mno-sse
SB_LIBGCC  := $(shell $(CC) -m32 -print-libgcc-file-name 2>/dev/null)

all: $(B)/standin-bios.exe
standin-bios: check-tools $(B)/standin-bios.exe

$(B)/standin-bios/%.o: standin-bios/%.c standin-bios/standin-bios.mk
	@mkdir -p $(dir $@)
	$(CC) $(SB_CFLAGS) -c $< -o $@
$(B)/standin-bios/common/%.o: common/%.c standin-bios/standin-bios.mk
	@mkdir -p $(dir $@)
	$(CC) $(SB_COMMON_CFLAGS) -c $< -o $@

$(B)/standin-bios-swift.o: $(BOOTCORE) $(SB_BRIDGE) $(B)/swift-sources.list standin-bios/standin-bios.mk
	$(SWIFTC) $(SB_SWIFTFLAGS) -module-name StandinBiosSwift -emit-ir $(BOOTCORE) $(SB_BRIDGE) -o $(B)/StandinBiosSwift.ll
	$(SWIFT_CLANG) -target i686-unknown-none-elf -fno-pic -Os -Wno-override-module -ffunction-sections -fdata-sections -c $(B)/StandinBiosSwift.ll -o $@

SB_OBJS := $(patsubst standin-bios/%.c,$(B)/standin-bios/%.o,$(SB_C)) $(patsubst common/%.c,$(B)/standin-bios/common/%.o,$(SB_COMMON)) $(B)/standin-bios-swift.o
$(B)/standin-bios.elf: $(SB_OBJS) standin-bios/standin-bios.lds
	@case "$(SB_LIBGCC)" in */32/*) ;; *) echo "loader: no 32-bit libgcc ($(CC) -m32); install Debian package gcc-multilib (scripts/install-deps.sh)" >&2; exit 1;; esac
	$(LD) -m elf_i386 -nostdlib -static -q --no-warn-rwx-segments -T standin-bios/standin-bios.lds --gc-sections --no-undefined -o $@ $(SB_OBJS) $(SB_LIBGCC)
	@bad=$$(readelf -SW $@ | sed -n 's/^ *\[ *[0-9]*\] //p' | awk '$$1 ~ /^\./ && $$7 ~ /A/ {print $$1}' | grep -vxE '\.text|\.rdata|\.data|\.bss' || true); \
	  [ -z "$$bad" ] || { echo "loader: $@ has allocated sections standin-bios.lds does not place: $$bad" >&2; rm -f $@; exit 1; }

# Image base 0x400000 (the ELF addresses are absolute): the PE header then holds RVAs.
$(B)/standin-bios.exe: $(B)/standin-bios.elf tools/pe-relocs.py
	$(OBJCOPY) -O pei-i386 --remove-relocations='*' --image-base 0x400000 --subsystem=console --file-alignment=512 --section-alignment=4096 $< $@
	python3 tools/pe-relocs.py $< $@ || { rm -f $@; exit 1; }
	@size=$$(stat -c %s $@); echo "loader: $@ $$size bytes"
.PHONY: standin-bios
