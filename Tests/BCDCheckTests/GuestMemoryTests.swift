import Testing
import BCDCheck

@Test func guestMemoryFollowsWhatIsServed() {
    #expect(GuestMemory.automatic(servedBytes: 2 << 20) == 2048)              // the demo: the floor
    // A 500 MB boot.wim: twice over plus WinPE, rounded up to 256 MiB.
    #expect(GuestMemory.needed(servedBytes: 500_000_000) == 1536)
    #expect(GuestMemory.automatic(servedBytes: 1_200_000_000) == 2816)
    #expect(GuestMemory.automatic(servedBytes: 1_200_000_000) % 256 == 0)
    #expect(GuestMemory.problem(explicit: 1024, servedBytes: 500_000_000)?.contains("0xc0000017") == true)
    #expect(GuestMemory.problem(explicit: 1536, servedBytes: 500_000_000) == nil)
}
