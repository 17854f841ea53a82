import Testing
@testable import BootCore

/// The loader's command line (BootCore's LoaderCommandLine, which loader/src/cmdline.c calls).
@Suite("Loader command line")
struct LoaderCommandLineTests {
    static func units(_ text: String) -> [UInt16] { Array(text.utf16) }

    static func parse(_ text: String, image: String = "\\EFI\\BOOT\\loader.efi") throws(LoaderCommandLineRefusal) -> LoaderOptions {
        try LoaderCommandLine.parse(units(text), imagePath: units(image))
    }

    /// The word the loader refuses in `text`, or nil when it accepts the line.
    static func refused(_ text: String, image: String = "\\EFI\\BOOT\\loader.efi") -> String? {
        do throws(LoaderCommandLineRefusal) {
            _ = try parse(text, image: image)
            return nil
        } catch {
            return String(decoding: error.word, as: UTF16.self)
        }
    }

    @Test func emptyOptionsAreTheDefaults() throws {
        #expect(try Self.parse("") == LoaderOptions())
        #expect(try Self.parse("   \t\r\n ") == LoaderOptions())
        #expect(try LoaderCommandLine.parse([]) == LoaderOptions())
    }

    @Test func everyOption() throws {
        var expected = LoaderOptions()
        expected.rawBCD = true
        #expect(try Self.parse("rawbcd") == expected)
        expected = LoaderOptions(); expected.rawWIM = true
        #expect(try Self.parse("rawwim") == expected)
        expected = LoaderOptions(); expected.gui = true
        #expect(try Self.parse("gui") == expected)
        expected = LoaderOptions(); expected.pause = true
        #expect(try Self.parse("pause") == expected)
        expected = LoaderOptions(); expected.pause = true; expected.pauseQuiet = true
        #expect(try Self.parse("pause=quiet") == expected)
        expected = LoaderOptions(); expected.quiet = true
        #expect(try Self.parse("quiet") == expected)
        expected = LoaderOptions(); expected.index = 2
        #expect(try Self.parse("index=2") == expected)
        #expect(try Self.parse("index=999999999").index == 999_999_999)
        #expect(try Self.parse("index=000000007").index == 7)
        #expect(try Self.parse("initrdfile=boot.wim") == LoaderOptions())
        // GRUB linux16 and SYSLINUX put the kernel's path first on a BIOS loader's command line.
        expected = LoaderOptions(); expected.rawWIM = true
        #expect(try Self.parse("BOOT_IMAGE=/boot/loader.lkrn rawwim") == expected)
    }

    @Test func optionsTogetherAndTheLastIndexWins() throws {
        let all = try Self.parse("rawbcd gui pause=quiet quiet index=3 initrdfile=x index=4 rawwim")
        #expect(all.rawBCD && all.gui && all.pause && all.pauseQuiet && all.quiet && all.rawWIM)
        #expect(all.index == 4)
        #expect(all.bits == 0b111111)
        #expect(try Self.parse("rawwim").bits == LoaderOptionBit.rawWim.rawValue)
        #expect(try Self.parse("pause").bits == LoaderOptionBit.pause.rawValue)
    }

    @Test func refusesUnknownWordsWhole() {
        #expect(Self.refused("bogus") == "bogus")
        #expect(Self.refused("rawbcd frobnicate gui") == "frobnicate")
        #expect(Self.refused("RAWBCD") == "RAWBCD")   // options are case-sensitive
        #expect(Self.refused("RawWim") == "RawWim")
        #expect(Self.refused("Pause") == "Pause")
        #expect(Self.refused("pause=") == "pause=")
        #expect(Self.refused("guix") == "guix")
        #expect(Self.refused("initrdfile=") == "initrdfile=")
        #expect(Self.refused("BOOT_IMAGE=") == "BOOT_IMAGE=")
        #expect(Self.refused("boot_image=x") == "boot_image=x")
        let long = String(repeating: "x", count: 200)
        #expect(Self.refused(long) == long)
    }

    @Test func aRefusalKeepsTheOptionsBeforeTheWord() {
        // The loader honours `pause` while it stops on the next word (50-loader-errors).
        do throws(LoaderCommandLineRefusal) {
            _ = try Self.parse("loader.efi pause index=3 frobnicate quiet")
            Issue.record("accepted")
        } catch {
            var before = LoaderOptions()
            before.pause = true
            before.index = 3
            #expect(error.optionsBefore == before)
            #expect(error.word == Self.units("frobnicate"))
        }
    }

    @Test func refusesBadIndexes() {
        #expect(Self.refused("index=0") == "index=0")
        #expect(Self.refused("index=000000000") == "index=000000000")
        #expect(Self.refused("index=x") == "index=x")
        #expect(Self.refused("index=2x") == "index=2x")
        #expect(Self.refused("index=-1") == "index=-1")
        #expect(Self.refused("index=+1") == "index=+1")
        #expect(Self.refused("index=1000000000") == "index=1000000000")   // ten digits
        #expect(Self.refused("index=0000000001") == "index=0000000001")
        #expect(Self.refused("index=") == "index=")
        #expect(Self.refused("index") == "index")
        #expect(Self.refused("INDEX=2") == "INDEX=2")
    }

    @Test func skipsTheFirstWordWhenItIsTheImage() throws {
        // iPXE: the kernel's name; any first word ending in .efi, in any case.
        #expect(try Self.parse("loader.efi rawbcd").rawBCD)
        #expect(try Self.parse("other.EFI rawbcd", image: "").rawBCD)
        #expect(try Self.parse("http://server/x/wimboot.Efi gui").gui)
        // The UEFI shell: the path as typed, with or without .efi, any case and separator.
        #expect(try Self.parse("fs0:\\EFI\\BOOT\\loader rawbcd").rawBCD)
        #expect(try Self.parse("fs0:loader rawbcd").rawBCD)
        #expect(try Self.parse("LOADER rawbcd").rawBCD)
        #expect(try Self.parse("efi/boot/Loader.EFI rawbcd").rawBCD)
        #expect(try Self.parse("wimboot quiet", image: "\\wimboot").quiet)
        #expect(try Self.parse("/wimboot quiet", image: "/x/wimboot").quiet)
        #expect(try Self.parse("loader.efi") == LoaderOptions())
    }

    @Test func refusesTheImageNameAnywhereButFirst() {
        #expect(Self.refused("rawbcd loader.efi") == "loader.efi")
        #expect(Self.refused("rawbcd loader") == "loader")
        #expect(Self.refused("loader.efi loader") == "loader")
    }

    @Test func refusesFirstWordsThatAreNotTheImage() {
        #expect(Self.refused("loade rawbcd") == "loade")
        #expect(Self.refused("loader.ef rawbcd") == "loader.ef")
        #expect(Self.refused("fs0: rawbcd") == "fs0:")            // no name after the separator
        #expect(Self.refused("fs0:\\ rawbcd") == "fs0:\\")
        #expect(Self.refused("loader rawbcd", image: "") == "loader")   // no image path known
        #expect(Self.refused("wimboot rawbcd", image: "\\wimboot.exe") == "wimboot")
        #expect(Self.refused("wimbootx rawbcd", image: "\\wimboot") == "wimbootx")
        // ':' separates in the word, not in the image path.
        #expect(Self.refused("loader rawbcd", image: "fs0:loader") == "loader")
    }

    @Test func wordsAreSeparatedBySpaceTabCRAndLF() throws {
        let parsed = try Self.parse("loader.efi\trawbcd\r\ngui \n\n quiet\r")
        #expect(parsed.rawBCD && parsed.gui && parsed.quiet && !parsed.pause)
        #expect(Self.refused("rawbcd\u{0B}gui") == "rawbcd\u{0B}gui")  // vertical tab is not a separator
        #expect(Self.refused("rawbcd\u{A0}gui") == "rawbcd\u{A0}gui")
    }

    @Test func endsAtTheFirstNUL() throws {
        var options = Self.units("rawbcd")
        options += [0] + Self.units(" bogus")
        #expect(try LoaderCommandLine.parse(options).rawBCD)
        #expect(try LoaderCommandLine.parse([0] + Self.units("bogus")) == LoaderOptions())
        var shell = Self.units("loader gui")   // the UEFI shell passes a NUL-terminated string
        shell.append(0)
        #expect(try LoaderCommandLine.parse(shell, imagePath: Self.units("\\loader.efi")).gui)
        #expect(Self.refused("gui\u{0}") == nil)
        #expect(Self.refused("bogus\u{0}gui") == "bogus")
    }
}
