// BootCore: boot payload parsers shared by the host tools and the UEFI loader.
