/// A path to a value inside a JSON document, rendered like `scenes[3].choices[1].next`.
struct JSONPath: Sendable {
    enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    mutating func push(_ key: String) { components.append(.key(key)) }
    mutating func push(_ index: Int) { components.append(.index(index)) }
    mutating func pop() { components.removeLast() }

    var rendered: String { JSONPath.render(components) }

    static func render(_ components: [Component]) -> String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if isPlainKey(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\"" + key.replacingQuotes() + "\"]"
                }
            }
        }
        return text
    }

    private static func isPlainKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-") }
    }
}

extension String {
    /// Escapes backslashes, quotes and every character ``TextSafety`` calls unsafe (and
    /// line feeds and tabs) as visible `\u{…}`, so the text is safe inside quotes on one line.
    func replacingQuotes() -> String { TextSafety.escaped(self, quoting: true) }
}
