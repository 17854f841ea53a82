import BootCore

/// What a VHD or VHDX header says: the format, the disk type, and for a differencing disk the
/// parent's paths as recorded (relative first).
struct VirtualDiskHeader: Equatable {
    enum Format: String { case vhd = "VHD", vhdx = "VHDX" }
    enum DiskType: String { case fixed, dynamic, differencing }

    var format: Format
    var type: DiskType
    var parentPaths: [String] = []

    /// Parses the header of `source`; throws a one-line reason when it is not a valid VHD/VHDX.
    init<Source: ByteSource>(_ source: Source) throws(VirtualDiskHeaderError) {
        if let start = source.bytes(at: 0, length: 8), start == Array("vhdxfile".utf8) {
            try self.init(vhdx: source)
        } else {
            try self.init(vhd: source)
        }
    }

    // MARK: VHD (footer at the end; dynamic header for dynamic and differencing disks)

    private init<Source: ByteSource>(vhd source: Source) throws(VirtualDiskHeaderError) {
        guard source.count >= 512, let footer = source.bytes(at: source.count - 512, length: 512) else {
            throw VirtualDiskHeaderError("too small for a VHD footer (\(source.count) bytes)")
        }
        // Some tools write a 511-byte footer; accept the cookie one byte earlier too.
        var f = footer
        if Array(f[0..<8]) != Array("conectix".utf8) {
            guard let alt = source.bytes(at: source.count - 511, length: 511), Array(alt[0..<8]) == Array("conectix".utf8) else {
                throw VirtualDiskHeaderError("no VHD footer (\"conectix\") and no VHDX signature (\"vhdxfile\")")
            }
            f = alt + [0]
        }
        var sum: UInt32 = 0
        for i in 0..<512 where !(64..<68).contains(i) { sum &+= UInt32(f[i]) }
        guard ~sum == Self.be32(f, 64) else { throw VirtualDiskHeaderError("VHD footer checksum is wrong") }
        format = .vhd
        switch Self.be32(f, 60) {
        case 2: type = .fixed
        case 3: type = .dynamic
        case 4: type = .differencing
        case let other: throw VirtualDiskHeaderError("VHD disk type \(other) is not fixed (2), dynamic (3) or differencing (4)")
        }
        guard type != .fixed else { return }
        let offset = Self.be64(f, 16)
        guard let dyn = source.bytes(at: offset, length: 1024), Array(dyn[0..<8]) == Array("cxsparse".utf8) else {
            throw VirtualDiskHeaderError("VHD dynamic header (\"cxsparse\") is missing at offset \(offset)")
        }
        guard type == .differencing else { return }
        var locators: [String] = []
        for entry in 0..<8 {
            let base = 576 + entry * 24
            let code = String(decoding: dyn[base..<base + 4], as: UTF8.self)
            let length = Int(Self.be32(dyn, base + 8))
            let at = Self.be64(dyn, base + 16)
            guard code == "W2ru" || code == "W2ku", length > 0, length <= 65536,
                  let data = source.bytes(at: at, length: length) else { continue }
            let text = Self.utf16(data, bigEndian: false)
            if code == "W2ru" { locators.insert(text, at: 0) } else { locators.append(text) }
        }
        let name = Self.utf16(Array(dyn[64..<576]), bigEndian: true)
        if !name.isEmpty { locators.append(name) }
        parentPaths = locators
    }

    // MARK: VHDX (region table -> metadata region -> file parameters, parent locator)

    static let metadataRegion: [UInt8] = guidBytes(0x8B7C_A206, 0x4790, 0x4B9A, [0xB8, 0xFE, 0x57, 0x5F, 0x05, 0x0F, 0x88, 0x6E])
    static let fileParameters: [UInt8] = guidBytes(0xCAA1_6737, 0xFA36, 0x4D43, [0xB3, 0xB6, 0x33, 0xF0, 0xAA, 0x44, 0xE7, 0x6B])
    static let parentLocator: [UInt8] = guidBytes(0xA8D3_5F2D, 0xB30B, 0x454D, [0xAB, 0xF7, 0xD3, 0xD8, 0x48, 0x34, 0xAB, 0x0C])

    private init<Source: ByteSource>(vhdx source: Source) throws(VirtualDiskHeaderError) {
        format = .vhdx
        // Two header copies (64 and 128 KiB, 4 KiB each) and two region tables (192 and 256 KiB,
        // 64 KiB each), each with a CRC-32C at offset 4; one valid copy of each is enough.
        let headers = [64 * 1024, 128 * 1024].compactMap { source.bytes(at: UInt64($0), length: 4096) }
            .filter { Array($0[0..<4]) == Array("head".utf8) }
        guard !headers.isEmpty else { throw VirtualDiskHeaderError("VHDX header (\"head\" at 64 KiB) is missing") }
        guard headers.contains(where: CRC32C.verifiesItself) else {
            throw VirtualDiskHeaderError("VHDX headers fail their CRC-32C checksums (the file is damaged)")
        }
        let tables = [192 * 1024, 256 * 1024].compactMap { source.bytes(at: UInt64($0), length: 64 * 1024) }
            .filter { Array($0[0..<4]) == Array("regi".utf8) }
        guard !tables.isEmpty else { throw VirtualDiskHeaderError("VHDX region table (\"regi\" at 192 KiB) is missing") }
        guard let regions = tables.first(where: CRC32C.verifiesItself) else {
            throw VirtualDiskHeaderError("VHDX region tables fail their CRC-32C checksums (the file is damaged)")
        }
        let count = min(Int(Self.le32(regions, 8)), 2047)
        var metadataAt: UInt64?
        var metadataLength = 0
        for i in 0..<count {
            let base = 16 + i * 32
            if Array(regions[base..<base + 16]) == Self.metadataRegion {
                metadataAt = Self.le64(regions, base + 16)
                metadataLength = Int(Self.le32(regions, base + 24))
            }
        }
        guard let metadataAt, metadataLength >= 65536, metadataLength <= 1 << 24,
              let metadata = source.bytes(at: metadataAt, length: metadataLength),
              Array(metadata[0..<8]) == Array("metadata".utf8)
        else { throw VirtualDiskHeaderError("VHDX metadata region is missing or damaged") }
        let entries = min(Int(Self.le16(metadata, 10)), 2047)
        var parameters: UInt32?
        var locator: ArraySlice<UInt8>?
        for i in 0..<entries {
            let base = 32 + i * 32
            let offset = Int(Self.le32(metadata, base + 16)), length = Int(Self.le32(metadata, base + 20))
            guard offset >= 0, length >= 0, offset + length <= metadata.count else { continue }
            let item = Array(metadata[base..<base + 16])
            if item == Self.fileParameters, length >= 8 { parameters = Self.le32(metadata, offset + 4) }
            if item == Self.parentLocator { locator = metadata[offset..<offset + length] }
        }
        guard let parameters else { throw VirtualDiskHeaderError("VHDX metadata has no file parameters") }
        if parameters & 2 != 0 {
            type = .differencing
            if let locator {
                let bytes = Array(locator)
                let pairs = bytes.count >= 20 ? Int(Self.le16(bytes, 18)) : 0
                var found: [String: String] = [:]
                for p in 0..<pairs {
                    let base = 20 + p * 12
                    guard base + 12 <= bytes.count else { break }
                    let ko = Int(Self.le32(bytes, base)), vo = Int(Self.le32(bytes, base + 4))
                    let kl = Int(Self.le16(bytes, base + 8)), vl = Int(Self.le16(bytes, base + 10))
                    guard ko + kl <= bytes.count, vo + vl <= bytes.count else { continue }
                    found[Self.utf16(Array(bytes[ko..<ko + kl]), bigEndian: false)] = Self.utf16(Array(bytes[vo..<vo + vl]), bigEndian: false)
                }
                parentPaths = ["relative_path", "absolute_win32_path", "volume_path"].compactMap { found[$0] }
            }
        } else {
            type = parameters & 1 != 0 ? .fixed : .dynamic
        }
    }

    // MARK: Bytes

    static func be32(_ b: [UInt8], _ i: Int) -> UInt32 { b[i..<i + 4].reduce(0) { $0 << 8 | UInt32($1) } }
    static func be64(_ b: [UInt8], _ i: Int) -> UInt64 { b[i..<i + 8].reduce(0) { $0 << 8 | UInt64($1) } }
    static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func le32(_ b: [UInt8], _ i: Int) -> UInt32 { b[i..<i + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    static func le64(_ b: [UInt8], _ i: Int) -> UInt64 { b[i..<i + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) } }

    static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> String {
        var units: [UInt16] = []
        for i in stride(from: 0, to: bytes.count - 1, by: 2) {
            let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
            if unit == 0 { break }
            units.append(unit)
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func guidBytes(_ d1: UInt32, _ d2: UInt16, _ d3: UInt16, _ d4: [UInt8]) -> [UInt8] {
        [UInt8(d1 & 0xFF), UInt8(d1 >> 8 & 0xFF), UInt8(d1 >> 16 & 0xFF), UInt8(d1 >> 24),
         UInt8(d2 & 0xFF), UInt8(d2 >> 8), UInt8(d3 & 0xFF), UInt8(d3 >> 8)] + d4
    }
}

struct VirtualDiskHeaderError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
