/// Who signed an Authenticode signature: the PKCS#7 SignedData (RFC 5652 5.1) of one
/// WIN_CERTIFICATE, read down to each SignerInfo's issuer and, when the signer's certificate is
/// embedded, its subject.
public struct AuthenticodeSigner: Equatable, Sendable {
    /// The common name of the CA that issued the signer's certificate (SignerInfo's
    /// issuerAndSerialNumber.issuer): "Microsoft Windows Production PCA 2011" for a
    /// 2011-signed Windows boot manager.
    public var issuer: String
    /// The signer certificate's own common name ("Microsoft Windows"), when it is embedded.
    public var subject: String?

    public init(issuer: String, subject: String?) {
        self.issuer = issuer
        self.subject = subject
    }
}

enum SignedData {
    /// id-signedData, 1.2.840.113549.1.7.2, as DER content octets.
    private static let signedDataOID: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]

    /// The signers of a DER ContentInfo holding SignedData.
    static func signers(_ bytes: [UInt8]) throws(DERError) -> [AuthenticodeSigner] {
        var top = DERReader(bytes)
        var contentInfo = DERReader(bytes, inside: try top.next(DERElement.sequence, "the signature's ContentInfo"))
        let type = try contentInfo.next(DERElement.oid, "the ContentInfo's type")
        guard Array(bytes[type.content]) == signedDataOID else { throw DERError(message: "the signature is not PKCS#7 SignedData") }
        var explicit = DERReader(bytes, inside: try contentInfo.next(DERElement.context(0), "the ContentInfo's content"))
        var signedData = DERReader(bytes, inside: try explicit.next(DERElement.sequence, "SignedData"))
        _ = try signedData.next(DERElement.integer, "SignedData's version")
        _ = try signedData.next(DERElement.set, "SignedData's digest algorithms")
        _ = try signedData.next(DERElement.sequence, "SignedData's content (SpcIndirectDataContent)")
        var certificates: [Certificate] = []
        if let set = try signedData.optional(DERElement.context(0)) {
            var reader = DERReader(bytes, inside: set)
            while !reader.isAtEnd {
                let element = try reader.next()
                // Other certificate choices ([0]..[3] attribute/v2/other) are skipped.
                if element.tag == DERElement.sequence { certificates.append(try Certificate(bytes, element: element)) }
            }
        }
        _ = try signedData.optional(DERElement.context(1))  // crls
        var signerInfos = DERReader(bytes, inside: try signedData.next(DERElement.set, "SignedData's signer infos"))
        var signers: [AuthenticodeSigner] = []
        while !signerInfos.isAtEnd {
            var info = DERReader(bytes, inside: try signerInfos.next(DERElement.sequence, "a SignerInfo"))
            _ = try info.next(DERElement.integer, "a SignerInfo's version")
            let sid = try info.next()
            // issuerAndSerialNumber; a subjectKeyIdentifier ([0], version 3) names no issuer.
            guard sid.tag == DERElement.sequence else { throw DERError(message: "a SignerInfo names its signer by key identifier, not by issuer") }
            var pair = DERReader(bytes, inside: sid)
            let nameStart = pair.position
            let issuer = try X509Name(bytes, element: try pair.next(DERElement.sequence, "a signer's issuer"), start: nameStart)
            let serial = try pair.next(DERElement.integer, "a signer's serial number")
            let certificate = certificates.first { $0.issuer.der == issuer.der && $0.serial == bytes[serial.content] }
            signers.append(AuthenticodeSigner(issuer: issuer.commonName ?? "an issuer without a common name",
                                              subject: certificate?.subject.commonName))
        }
        return signers
    }

    /// The parts of an X.509 certificate (RFC 5280 4.1) that identify it.
    struct Certificate {
        let serial: ArraySlice<UInt8>
        let issuer: X509Name
        let subject: X509Name

        init(_ bytes: [UInt8], element: DERElement) throws(DERError) {
            var outer = DERReader(bytes, inside: element)
            var tbs = DERReader(bytes, inside: try outer.next(DERElement.sequence, "a certificate's TBSCertificate"))
            _ = try tbs.optional(DERElement.context(0))  // version
            serial = bytes[try tbs.next(DERElement.integer, "a certificate's serial number").content]
            _ = try tbs.next(DERElement.sequence, "a certificate's signature algorithm")
            var start = tbs.position
            issuer = try X509Name(bytes, element: try tbs.next(DERElement.sequence, "a certificate's issuer"), start: start)
            _ = try tbs.next(DERElement.sequence, "a certificate's validity")
            start = tbs.position
            subject = try X509Name(bytes, element: try tbs.next(DERElement.sequence, "a certificate's subject"), start: start)
        }
    }
}
