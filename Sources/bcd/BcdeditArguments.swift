/// Lets bcdedit command lines work unchanged: `/store F /enum all /v` becomes
/// `enum all -v --store F`. Only exact bcdedit switch words are translated, so paths such
/// as /tmp/BCD pass through untouched.
enum BcdeditArguments {
    /// bcdedit's verbs: the store verbs' command names.
    static let verbs = Set(BCD.storeVerbs.map { $0._commandName })
    static let switches: [String: String] = [
        "/store": "--store", "/d": "--d", "/v": "-v", "/application": "--application", "/inherit": "--inherit",
        "/device": "--device", "/addfirst": "--addfirst", "/addlast": "--addlast", "/remove": "--remove",
        "/cleanup": "--cleanup", "/nocleanup": "--nocleanup", "/f": "--f",
        "/start": "--start", "/noumex": "--noumex",
    ]

    static func normalize(_ arguments: [String]) -> [String] {
        var words = arguments.map { word -> String in
            let lower = word.lowercased()
            if lower.hasPrefix("/"), verbs.contains(String(lower.dropFirst())) { return String(lower.dropFirst()) }
            return switches[lower] ?? word
        }
        // The verb must come first for the parser: move a leading `--store FILE` behind it.
        if words.count >= 3, words[0] == "--store" {
            let store = Array(words[0..<2])
            words.removeFirst(2)
            words.insert(contentsOf: store, at: 1)
        }
        return words
    }
}
