extension TextLayout {
    /// Wraps `text` into lines of at most `width` display columns.
    ///
    /// - Paragraphs are separated by blank lines in `text`; each gap becomes one empty
    ///   line in the result. Inside a paragraph, line breaks and runs of white space are
    ///   reflowed as single spaces.
    /// - Words are never broken, unless one word alone is wider than the room on a line:
    ///   then it is cut by display width, never inside a grapheme cluster.
    /// - The first line of every paragraph starts with `indent`, later lines with
    ///   `hangingIndent` (which defaults to `indent`); indents count towards `width`.
    /// - Lines carry no trailing spaces. Text with no words gives no lines.
    ///
    /// Widths are measured with ``displayWidth(_:)``; sanitize untrusted text first.
    public static func wrap(_ text: String, width: Int, indent: String = "", hangingIndent: String? = nil) -> [String] {
        var lines: [String] = []
        for (index, words) in paragraphs(of: text).enumerated() {
            if index > 0 { lines.append("") }
            var paragraph = ParagraphWrapper(width: width, indent: indent, hangingIndent: hangingIndent ?? indent)
            for word in words {
                paragraph.add(word)
            }
            lines += paragraph.finish()
        }
        return lines
    }

    /// The words of each paragraph; paragraphs are runs of non-blank lines.
    static func paragraphs(of text: String) -> [[Substring]] {
        var paragraphs: [[Substring]] = []
        var current: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: \.isWhitespace)
            if words.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current += words
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }
}

/// Fills the lines of one paragraph, word by word.
private struct ParagraphWrapper {
    let width: Int
    let hangingIndent: String
    private(set) var lines: [String] = []
    private var current: String
    private var currentWidth: Int
    private var hasWord = false

    init(width: Int, indent: String, hangingIndent: String) {
        self.width = width
        self.hangingIndent = hangingIndent
        current = indent
        currentWidth = TextLayout.displayWidth(indent)
    }

    /// Adds one word, starting a new line when it does not fit on this one.
    mutating func add(_ word: Substring) {
        let wordWidth = TextLayout.displayWidth(String(word))
        if hasWord {
            if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                return
            }
            startLine()
        }
        if currentWidth + wordWidth <= width {
            append(word, width: wordWidth)
        } else {
            addBroken(word)
        }
    }

    /// Cuts a word wider than a whole line into pieces that fit.
    private mutating func addBroken(_ word: Substring) {
        var piece = ""
        var pieceWidth = 0
        for character in word {
            let characterWidth = TextLayout.displayWidth(of: character)
            if currentWidth + pieceWidth + characterWidth > width && !piece.isEmpty {
                append(Substring(piece), width: pieceWidth)
                startLine()
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += characterWidth
        }
        if !piece.isEmpty { append(Substring(piece), width: pieceWidth) }
    }

    private mutating func append(_ text: Substring, width textWidth: Int) {
        current += text
        currentWidth += textWidth
        hasWord = true
    }

    private mutating func startLine() {
        lines.append(current)
        current = hangingIndent
        currentWidth = TextLayout.displayWidth(hangingIndent)
        hasWord = false
    }

    /// The finished lines.
    mutating func finish() -> [String] {
        if hasWord { startLine() }
        return lines
    }
}
