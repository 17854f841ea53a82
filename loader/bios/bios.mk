# The BIOS loader, loader.lkrn (included by loader/Makefile): a Linux boot protocol image for
# legacy BIOS boot programs (iPXE, SYSLINUX linux.c32, GRUB linux16, QEMU -kernel).
# i686: C with gcc -m32 -ffreestanding, BootCore + bridges with Embedded Swift for
# i686-unknown-none-elf, ld -m elf_i386 with bios/bios.lds, then a flat binary (objcopy -O binary).
BIOS_C      := $(sort $(wildcard bios/*.c))
BIOS_S      := $(sort $(wildcard bios/*.S))
# Shared with the other images: the C functions every image has alike, and the i686 memcpy/memset.
BIOS_COMMON := common/libc_min.c common/i386/string.c
# The Swift side: BootCore, the UEFI loader's bridges that hold no UEFI code (virtual disk,
# rules), and the BIOS bridge (bios/swift/).
BIOS_BRIDGE := swift/Bridge.swift swift/InjectBridge.swift swift/RulesBridge.swift swift/WimBridge.swift $(sort $(wildcard bios/swift/*.swift))
BIOS_CFLAGS := -m32 -march=i686 -std=gnu11 -Os -Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration \
	-ffreestanding -fno-builtin -fno-pic -fno-pie -fno-stack-protector -fno-strict-aliasing \
	-fno-asynchronous-unwind-tables -mno-sse -mno-mmx -ffunction-sections -fdata-sections -MMD -MP \
	-DBCD_VERSION='"$(BCD_VERSION)"'
BIOS_SWIFTFLAGS := -enable-experimental-feature Embedded -enable-experimental-feature Extern \
	-target i686-unknown-none-elf -wmo -parse-as-library -Osize -Xfrontend -disable-stack-protector \
	-Xcc -fno-pic -Xcc -mno-sse
BIOS_LIBGCC := $(shell $(CC) -m32 -print-libgcc-file-name 2>/dev/null)
# loader.lkrn's size budget in bytes: the build prints the size and fails above it.
BIOS_BUDGET := 262144

bios: check-tools check-bios-tools $(B)/loader.lkrn

check-bios-tools:
	@case "$(BIOS_LIBGCC)" in */32/*) ;; *) echo "loader: no 32-bit libgcc ($(CC) -m32); install Debian package gcc-multilib (scripts/install-deps.sh)" >&2; exit 1;; esac

$(B)/bios/%.o: bios/%.c bios/bios.mk
	@mkdir -p $(dir $@)
	$(CC) $(BIOS_CFLAGS) -c $< -o $@
$(B)/bios/common/%.o: common/%.c bios/bios.mk
	@mkdir -p $(dir $@)
	$(CC) $(BIOS_CFLAGS) -c $< -o $@
$(B)/bios/%.o: bios/%.S bios/bios.mk
	@mkdir -p $(dir $@)
	$(CC) -m32 -MMD -MP -c $< -o $@
$(B)/bios/main.o: $(BCD_VERSION_FILE)

# As for loader.efi: LLVM IR, then the toolchain's clang with one section per function and
# datum, so that --gc-sections keeps only what bios_main reaches (no Unicode tables linked).
$(B)/bios-swift.o: $(BOOTCORE) $(BIOS_BRIDGE) $(B)/swift-sources.list bios/bios.mk
	$(SWIFTC) $(BIOS_SWIFTFLAGS) -module-name BiosSwift -emit-ir $(BOOTCORE) $(BIOS_BRIDGE) -o $(B)/BiosSwift.ll
	$(SWIFT_CLANG) -target i686-unknown-none-elf -fno-pic -Os -Wno-override-module -ffunction-sections -fdata-sections -c $(B)/BiosSwift.ll -o $@

BIOS_OBJS := $(patsubst bios/%.S,$(B)/bios/%.o,$(BIOS_S)) $(patsubst bios/%.c,$(B)/bios/%.o,$(BIOS_C)) \
	$(patsubst common/%.c,$(B)/bios/common/%.o,$(BIOS_COMMON)) $(B)/bios-swift.o
$(B)/loader-bios.elf: $(BIOS_OBJS) bios/bios.lds | check-bios-tools
	$(LD) -m elf_i386 -nostdlib -static --no-warn-rwx-segments -T bios/bios.lds --gc-sections --no-undefined -o $@ $(BIOS_OBJS) $(BIOS_LIBGCC)
	@bad=$$(readelf -SW $@ | sed -n 's/^ *\[ *[0-9]*\] //p' | awk '$$1 ~ /^\./ && $$7 ~ /A/ {print $$1}' | grep -vxE '\.setup|\.text|\.rodata|\.data|\.bss' || true); \
	  [ -z "$$bad" ] || { echo "loader: $@ has allocated sections bios.lds does not place: $$bad" >&2; rm -f $@; exit 1; }

$(B)/loader.lkrn: $(B)/loader-bios.elf
	$(OBJCOPY) -O binary $< $@
	@size=$$(stat -c %s $@); echo "loader: $@ $$size bytes"; \
	  if [ $$size -gt $(BIOS_BUDGET) ]; then echo "loader: $@ is $$size bytes, over the budget of $(BIOS_BUDGET) (loader/bios/bios.mk BIOS_BUDGET)" >&2; rm -f $@; exit 1; fi
.PHONY: check-bios-tools
