/// The WIM's XML data resource (UTF-16LE, usually with a BOM): only the image names are
/// taken from it, from `<IMAGE INDEX="n"> ... <NAME>text</NAME>`. Anything unexpected
/// yields no name, never an error: the XML is informational.
enum WIMXMLData {
    static let maximumSize: UInt64 = 16 << 20

    /// Names of images 1...count ("" when absent).
    static func imageNames(_ bytes: [UInt8], count: Int) -> [String] {
        var names = [String](repeating: "", count: max(0, count))
        var text = [UInt16](repeating: 0, count: bytes.count / 2)
        for i in 0..<text.count { text[i] = UInt16(bytes[2 * i]) | UInt16(bytes[2 * i + 1]) << 8 }
        let imageTag = Array("<IMAGE".utf16), indexAttribute = Array("INDEX=\"".utf16)
        let nameOpen = Array("<NAME>".utf16), imageClose = Array("</IMAGE>".utf16)
        var position = 0
        while let image = find(imageTag, in: text, from: position) {
            let end = find(imageClose, in: text, from: image) ?? text.count
            position = image + imageTag.count
            guard let attribute = find(indexAttribute, in: text, from: image), attribute < end else { continue }
            var index = 0
            var digit = attribute + indexAttribute.count
            while digit < end, text[digit] >= 0x30, text[digit] <= 0x39, index < 1_000_000 {
                index = index * 10 + Int(text[digit] - 0x30)
                digit += 1
            }
            guard index >= 1, index <= names.count,
                  let open = find(nameOpen, in: text, from: image), open < end
            else { continue }
            var close = open + nameOpen.count
            while close < end && text[close] != 0x3C { close += 1 }  // up to the next '<'
            names[index - 1] = unescape(Array(text[(open + nameOpen.count)..<close]))
        }
        return names
    }

    private static func find(_ needle: [UInt16], in text: [UInt16], from start: Int) -> Int? {
        guard !needle.isEmpty, text.count >= needle.count else { return nil }
        var i = max(0, start)
        while i <= text.count - needle.count {
            var match = true
            for j in 0..<needle.count where text[i + j] != needle[j] { match = false; break }
            if match { return i }
            i += 1
        }
        return nil
    }

    /// The five predefined XML entities; other text is kept as is.
    private static func unescape(_ units: [UInt16]) -> String {
        let entities: [([UInt16], UInt16)] = [
            (Array("&amp;".utf16), 0x26), (Array("&lt;".utf16), 0x3C), (Array("&gt;".utf16), 0x3E),
            (Array("&quot;".utf16), 0x22), (Array("&apos;".utf16), 0x27),
        ]
        var out: [UInt16] = []
        var i = 0
        outer: while i < units.count {
            if units[i] == 0x26 {
                for (entity, value) in entities where i + entity.count <= units.count && Array(units[i..<(i + entity.count)]) == entity {
                    out.append(value)
                    i += entity.count
                    continue outer
                }
            }
            out.append(units[i])
            i += 1
        }
        return String(decoding: out, as: UTF16.self)
    }
}
