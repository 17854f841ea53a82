import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How QEMU runs the guest's CPU.
public enum Acceleration: Sendable, Equatable {
    /// KVM, with TCG as QEMU's own fallback should KVM fail to start (`-accel kvm -accel tcg`).
    case kvmThenTCG
    /// TCG software emulation only.
    case tcg

    /// QEMU's `-accel` options, in the order QEMU tries them.
    var arguments: [String] {
        switch self {
        case .kvmThenTCG: return ["-accel", "kvm", "-accel", "tcg"]
        case .tcg: return ["-accel", "tcg"]
        }
    }

    /// For the `qemu:` progress line.
    var summary: String {
        switch self {
        case .kvmThenTCG: return "KVM, falling back to TCG"
        case .tcg: return "TCG software emulation"
        }
    }

    /// KVM is worth trying when `device` opens read-write, $BCD_BOOT_NO_KVM is not set and
    /// KVM has not already failed here (`knownToFail`: a KvmFailureNote is recorded); QEMU
    /// falls back to TCG if KVM then fails to start.
    public static func probe(environment: [String: String] = ProcessInfo.processInfo.environment,
                             device: String = "/dev/kvm", knownToFail: Bool = false) -> Acceleration {
        if environment["BCD_BOOT_NO_KVM"] != nil || knownToFail { return .tcg }
        let fd = open(device, O_RDWR)
        if fd < 0 { return .tcg }
        close(fd)
        return .kvmThenTCG
    }
}
