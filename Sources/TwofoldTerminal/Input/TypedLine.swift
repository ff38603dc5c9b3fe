/// Taking a line the facilitator just typed back off the screen, so that votes typed in
/// front of the room (`2 1 2`, `Ben=3`) cannot be read there once recorded.
public enum TypedLine {
    /// How many screen rows the prompt and the typed line took, the cursor now being on
    /// the row below them: a full row wraps, so a line exactly as wide as the terminal
    /// takes two.
    public static func rows(prompt: String, line: String, columns: Int) -> Int {
        let width = TextLayout.displayWidth(prompt) + TextLayout.displayWidth(line)
        return width / max(1, columns) + 1
    }

    /// The control sequence that moves up over those rows and clears from there down.
    public static func erase(prompt: String, line: String, columns: Int) -> String {
        "\u{1B}[\(rows(prompt: prompt, line: line, columns: columns))A\r\u{1B}[J"
    }
}
