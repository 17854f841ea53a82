// Objects with fixed GUIDs and the aliases bcdedit shows in place of them (unless /v is given).
//
// Every GUID was checked against at least two sources: Geoff Chappell, "BCD Objects"
// (notes/windows/boot/bcd/objects.htm); System Informer's phnt/include/ntbcd.h (GUID_* constants
// exported by bcd.dll, with the bcdedit alias in a comment); and, where the object exists there,
// the Windows-written stores in ../shared/fixtures/bcd (key names under \Objects).
// {resumeloadersettings}: Chappell and ntbcd.h print 1afa9c49-16ab-4a5c-4a90-212802da9460, but every
// Windows-written store in the fixtures (win7, win10, pybcd laptop/recovery/vm) uses
// 1afa9c49-16ab-4a5c-901b-212802da9460, and bcdedit shows that object as {resumeloadersettings}
// in real output; the stores win, so the 901b form is used.
// Not aliases: the setup/template objects (7254a080-… setup EFI, cbd971bf-… setup PCAT,
// b012b84d-… / a1943bbc-… OS target templates, 0c334284-… / 98b02a23-… resume target
// templates) have GUIDs but no bcdedit alias; there is no {resumeapp} or {setuppe} alias.

public let wellKnownObjects: [WellKnownObject] = [
    WellKnownObject("9dea862c-5cdd-4e70-acc1-f32b344d4795", "{bootmgr}"),
    WellKnownObject("a5a30fa2-3d06-4e9f-b5f4-a01df9d1fcba", "{fwbootmgr}"),
    WellKnownObject("b2721d73-1db4-4c62-bf78-c548a880142d", "{memdiag}"),
    WellKnownObject("466f5a88-0af2-4f76-9038-095b170dc21c", "{ntldr}", otherAliases: ["{legacy}"]),
    WellKnownObject("ae5534e0-a924-466c-b836-758539a3ee3a", "{ramdiskoptions}"),
    WellKnownObject("7ea2e1ac-2e61-4728-aaa3-896d9d0a9f0e", "{globalsettings}"),
    WellKnownObject("6efb52bf-1766-41db-a6b3-0ee5eff72bd7", "{bootloadersettings}"),
    WellKnownObject("1afa9c49-16ab-4a5c-901b-212802da9460", "{resumeloadersettings}"),
    // The Windows 10 bcdedit also accepts {eventsettings} for the same object.
    WellKnownObject("4636856e-540f-4170-a130-a84776f4c654", "{dbgsettings}", otherAliases: ["{eventsettings}"]),
    WellKnownObject("0ce4991b-e6b3-4b16-b23c-5e0d9250e5d9", "{emssettings}"),
    WellKnownObject("5189b25c-5558-4bf2-bca4-289b11bd29e2", "{badmemory}"),
    WellKnownObject("7ff607e0-4395-11db-b0de-0800200c9a66", "{hypervisorsettings}"),
    // Windows 8.1 and later (type 0x20200003, like {bootloadersettings}).
    WellKnownObject("313e8eed-7098-4586-a9bf-309c61f8d449", "{kerneldbgsettings}"),
    // Virtual: bcdedit resolves these to the running / default OS loader; never an \Objects key.
    WellKnownObject("fa926493-6f1c-4193-a414-58f0b2456d1e", "{current}", isVirtual: true),
    WellKnownObject("1cae1eb7-a0df-4d4d-9851-4860e34ef535", "{default}", isVirtual: true),
]
