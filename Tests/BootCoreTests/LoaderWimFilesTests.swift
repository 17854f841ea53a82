import Testing
@testable import BootCore

@Suite("Files the loader takes from the WIM")
struct LoaderWimFilesTests {
    @Test func bootSTLIsOptionalAndTakenOnlyWhenNotSupplied() {
        let stl = LoaderWimFiles.bootSTL
        #expect(stl.isOptional && !stl.isBootManager)
        #expect(stl.path == "\\Windows\\Boot\\EFI\\boot.stl" && stl.name == "boot.stl")
        #expect(LoaderWimFiles.isWanted(stl, inputs: ["BCD", "boot.sdi", "boot.wim"]))
        #expect(!LoaderWimFiles.isWanted(stl, inputs: ["BOOT.STL", "boot.wim"]))
    }

    @Test func onlyBootSTLIsOptional() {
        #expect(LoaderWimFiles.all.filter(\.isOptional).map(\.name) == ["boot.stl"])
        #expect(LoaderWimFiles.all.filter(\.isBootManager).map(\.name) == ["bootmgfw_EX.efi", "bootmgfw.efi"])
    }
}
