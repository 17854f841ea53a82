@testable import BootCore

/// Flat physical memory for the BIOS emulations' tests: `size` bytes from address 0.
final class BiosTestMemory: BiosMemory {
    let storage: UnsafeMutableRawBufferPointer
    init(size: Int) {
        storage = .allocate(byteCount: size, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0xCC)
    }
    deinit { storage.deallocate() }

    func bytes(at address: UInt64, count: Int) -> [UInt8]? {
        guard address <= UInt64(storage.count), UInt64(count) <= UInt64(storage.count) - address else { return nil }
        return Array(storage[Int(address)..<Int(address) + count])
    }
    func buffer(at address: UInt64, count: Int) -> UnsafeMutableRawBufferPointer? {
        guard address <= UInt64(storage.count), UInt64(count) <= UInt64(storage.count) - address else { return nil }
        return UnsafeMutableRawBufferPointer(rebasing: storage[Int(address)..<Int(address) + count])
    }
    func write(_ bytes: [UInt8], at address: Int) {
        for (i, b) in bytes.enumerated() { storage[address + i] = b }
    }
}
