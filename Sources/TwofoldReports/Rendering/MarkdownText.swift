/// Escaping for Markdown (CommonMark and GitHub-flavoured): untrusted text is shown as
/// the characters it contains, never as formatting, links, HTML or table structure.
enum MarkdownText {
    /// Characters escaped wherever they occur: emphasis, code, links, raw HTML, tables,
    /// strikethrough, and the backslash itself.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~"]

    /// One line of text (line breaks become spaces), safe inline and inside table cells.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in ReportText.clean(text).trimmingSpaces() {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return escapeLineStart(out)
    }

    /// Paragraphs of text: blank lines separate paragraphs, single line breaks are kept
    /// as hard breaks, and nothing at the start of a line can open a heading, list,
    /// quote, code block or rule.
    static func block(_ text: String) -> String {
        let lines = ReportText.clean(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
        var paragraphs: [[String]] = [[]]
        for line in lines {
            let escaped = inline(String(line))
            if escaped.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(escaped)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\\\n") }.joined(separator: "\n\n")
    }

    /// Escapes a first character that would start a block: `#`, `>`, `-`, `+`, `=`, or
    /// an ordered-list number like `1.` or `2)`.
    private static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>-+=".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
