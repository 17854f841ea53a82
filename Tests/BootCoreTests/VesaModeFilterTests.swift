import Testing
@testable import BootCore

@Suite("VESA modes hidden from the boot manager")
struct VesaModeFilterTests {
    @Test func aSupportedModeBecomesUnsupportedAfterASuccessfulCall() {
        let memory = BiosTestMemory(size: 0x20000)
        memory.write([0x9B, 0x00], at: 0x1_1000)   // attributes: supported, color, graphics, LFB
        var request = BiosCallRegisters()
        request.vector = 0x10; request.eax = 0x4F01; request.ecx = 0x112; request.es = 0x1000; request.edi = 0x1000
        var answer = request; answer.eax = 0x004F
        #expect(VesaModeFilter.hide(answer, request: request, memory: memory))
        #expect(memory.bytes(at: 0x1_1000, count: 2) == [0x9A, 0x00])
    }

    @Test func otherCallsAndFailedOnesAreLeftAlone() {
        let memory = BiosTestMemory(size: 0x20000)
        memory.write([0x9B, 0x00], at: 0x1_1000)
        var request = BiosCallRegisters()
        request.vector = 0x10; request.eax = 0x4F01; request.es = 0x1000; request.edi = 0x1000
        var failed = request; failed.eax = 0x014F
        #expect(!VesaModeFilter.hide(failed, request: request, memory: memory))
        var other = request; other.eax = 0x4F02
        #expect(!VesaModeFilter.hide(other, request: other, memory: memory))
        #expect(memory.bytes(at: 0x1_1000, count: 2) == [0x9B, 0x00])
    }
}
