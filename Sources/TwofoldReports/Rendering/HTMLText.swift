/// Escaping for HTML and SVG text and attribute values.
enum HTMLText {
    /// Escapes `& < > " '` after removing control characters; line breaks become spaces.
    static func escape(_ text: String) -> String {
        escapeClean(ReportText.clean(text))
    }

    /// Paragraphs: blank lines separate `<p>` elements, single line breaks become `<br>`.
    static func paragraphs(_ text: String, className: String? = nil) -> String {
        let cleaned = ReportText.clean(text, keepNewlines: true)
        var groups: [[String]] = [[]]
        for line in cleaned.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                if !(groups.last?.isEmpty ?? true) { groups.append([]) }
            } else {
                groups[groups.count - 1].append(escapeClean(trimmed))
            }
        }
        let open = className.map { "<p class=\"\($0)\">" } ?? "<p>"
        return groups.filter { !$0.isEmpty }.map { open + $0.joined(separator: "<br>") + "</p>" }.joined(separator: "\n")
    }

    private static func escapeClean(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
