/// ASCII-only text helpers for names in boot payloads (FAT names, BCD paths, cpio names).
/// Non-ASCII bytes are compared exactly; only A-Z/a-z fold.
@inline(__always)
public func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
}

@inline(__always)
public func asciiUppercased(_ byte: UInt8) -> UInt8 {
    (byte >= 0x61 && byte <= 0x7A) ? byte & ~0x20 : byte
}

/// `text` with ASCII letters lowercased (BCD object keys may be spelled in either case).
public func asciiLowercased(_ text: String) -> String {
    var out: [UInt8] = []
    for byte in text.utf8 { out.append(asciiLowercased(byte)) }
    return String(decoding: out, as: UTF8.self)
}

/// Case-insensitive (ASCII) equality of two names.
public func asciiEqualIgnoringCase(_ a: String, _ b: String) -> Bool {
    asciiEqualIgnoringCase(Array(a.utf8), Array(b.utf8))
}

public func asciiEqualIgnoringCase(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where asciiLowercased(a[i]) != asciiLowercased(b[i]) { return false }
    return true
}

/// Exact equality of two strings' UTF-8 bytes. Unlike `==`, which compares canonical
/// equivalence, it needs no Unicode normalization tables, which an Embedded (loader) build
/// would otherwise have to link.
public func sameBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.elementsEqual(b.utf8)
}

/// Index of the first of `names` equal to `name` (ASCII case-insensitive), or nil.
public func asciiIndex(of name: String, in names: [String]) -> Int? {
    asciiIndex(of: Array(name.utf8), in: names.map { Array($0.utf8) })
}

/// The byte form the loader uses (names as ASCII bytes: no String code in the loader).
public func asciiIndex(of name: [UInt8], in names: [[UInt8]]) -> Int? {
    names.firstIndex { asciiEqualIgnoringCase($0, name) }
}

/// Does `name` end with `suffix` (ASCII case-insensitive), with at least one byte before it?
public func asciiHasLongerSuffix(_ name: [UInt8], _ suffix: [UInt8]) -> Bool {
    name.count > suffix.count && asciiEqualIgnoringCase(Array(name.suffix(suffix.count)), suffix)
}

/// The bytes of names given as UTF-16 code units: each ASCII unit as its byte, any other unit
/// as 0xFF, which is in no ASCII name, so such a name matches none (the loader's input names).
public func asciiBytes(utf16 units: UnsafeBufferPointer<UInt16>) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(units.count)
    for unit in units { bytes.append(unit < 0x80 ? UInt8(unit) : 0xFF) }
    return bytes
}
