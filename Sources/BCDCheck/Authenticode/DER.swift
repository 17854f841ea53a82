/// A minimal DER reader (X.690): enough to walk a PKCS#7 SignedData to its signer's names.
/// Single-byte tags only (those structures use no others); definite lengths only (DER).
struct DERElement {
    /// The identifier octet: class (bits 7-6), constructed (bit 5), number (bits 4-0).
    let tag: UInt8
    /// The content octets' range in the reader's bytes.
    let content: Range<Int>

    static let sequence: UInt8 = 0x30
    static let set: UInt8 = 0x31
    static let integer: UInt8 = 0x02
    static let oid: UInt8 = 0x06
    /// [n] constructed, context-specific (EXPLICIT tags, IMPLICIT SET OF).
    static func context(_ number: UInt8) -> UInt8 { 0xA0 | number }
}

struct DERError: Error, Equatable {
    let message: String
}

/// Reads the elements of one constructed value (or of a whole buffer) in order.
struct DERReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = 0
        end = bytes.count
    }

    /// The elements inside `element` (which must be constructed).
    init(_ bytes: [UInt8], inside element: DERElement) {
        self.bytes = bytes
        position = element.content.lowerBound
        end = element.content.upperBound
    }

    var isAtEnd: Bool { position >= end }

    mutating func next() throws(DERError) -> DERElement {
        guard position < end else { throw DERError(message: "a DER value ends early") }
        let tag = bytes[position]
        guard tag & 0x1F != 0x1F else { throw DERError(message: "a DER tag of more than one byte") }
        guard position + 1 < end else { throw DERError(message: "a DER length is missing") }
        var length = Int(bytes[position + 1])
        var start = position + 2
        if length & 0x80 != 0 {
            let octets = length & 0x7F
            // 0x80 is BER's indefinite length, which DER forbids; more than 4 octets is absurd here.
            guard octets >= 1, octets <= 4 else { throw DERError(message: "a DER length of \(octets) octets") }
            guard start + octets <= end else { throw DERError(message: "a DER length runs past its value") }
            length = 0
            for byte in bytes[start..<start + octets] { length = length << 8 | Int(byte) }
            start += octets
        }
        guard length <= end - start else { throw DERError(message: "a DER value runs past its container") }
        position = start + length
        return DERElement(tag: tag, content: start..<start + length)
    }

    /// The next element, which must have tag `tag`.
    mutating func next(_ tag: UInt8, _ what: String) throws(DERError) -> DERElement {
        let element = try next()
        guard element.tag == tag else {
            throw DERError(message: "\(what): expected tag 0x\(hex(tag)), found 0x\(hex(element.tag))")
        }
        return element
    }

    /// The next element if it has tag `tag`; otherwise nothing is consumed.
    mutating func optional(_ tag: UInt8) throws(DERError) -> DERElement? {
        guard position < end, bytes[position] == tag else { return nil }
        return try next()
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
