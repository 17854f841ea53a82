/// An X.501 Name (RFC 5280 4.1.2.4: SEQUENCE OF SET OF { type OID, value }), reduced to the
/// part that names a CA to a person: its common name.
struct X509Name: Equatable {
    /// The DER encoding of the whole Name (to match a signer's issuer to a certificate).
    let der: ArraySlice<UInt8>
    /// The first commonName (2.5.4.3), when there is one in a string type this reads.
    let commonName: String?

    /// id-at-commonName, 2.5.4.3, as DER content octets.
    private static let commonNameOID: [UInt8] = [0x55, 0x04, 0x03]

    init(_ bytes: [UInt8], element: DERElement, start: Int) throws(DERError) {
        der = bytes[start..<element.content.upperBound]
        var found: String?
        var rdns = DERReader(bytes, inside: element)
        while !rdns.isAtEnd, found == nil {
            var attributes = DERReader(bytes, inside: try rdns.next(DERElement.set, "a name's component"))
            while !attributes.isAtEnd, found == nil {
                var pair = DERReader(bytes, inside: try attributes.next(DERElement.sequence, "a name's attribute"))
                let type = try pair.next(DERElement.oid, "a name attribute's type")
                let value = try pair.next()
                if Array(bytes[type.content]) == Self.commonNameOID { found = Self.string(bytes[value.content], tag: value.tag) }
            }
        }
        commonName = found
    }

    /// A directory string's text: UTF8String, PrintableString, IA5String, TeletexString (read as
    /// Latin-1), BMPString (UTF-16BE); nil for other types.
    private static func string(_ content: ArraySlice<UInt8>, tag: UInt8) -> String? {
        switch tag {
        case 0x0C, 0x13, 0x16: return String(decoding: content, as: UTF8.self)
        case 0x14: return String(String.UnicodeScalarView(content.map { Unicode.Scalar($0) }))
        case 0x1E:
            let units = stride(from: content.startIndex, to: content.endIndex - 1, by: 2).map {
                UInt16(content[$0]) << 8 | UInt16(content[$0 + 1])
            }
            return String(decoding: units, as: UTF16.self)
        default: return nil
        }
    }
}
