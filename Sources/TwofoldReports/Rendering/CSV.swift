/// RFC 4180 cells and rows, safe to open in a spreadsheet.
///
/// Text and numbers are different kinds of cell. A **text** cell that begins with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
/// shows it instead of evaluating it (OWASP CSV injection). A **number** cell is written
/// as the number itself — `-2` stays `-2` and sorts and sums as a number — because it is
/// produced from an `Int` or `Double`, never from text.
public enum CSV {
    /// Characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell: neutralised against formulas, then quoted when it holds a comma, a
    /// quote, CR or LF (quotes doubled).
    public static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, formulaStarts.contains(Character(first)) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// An integer cell, written as a number.
    public static func number(_ value: Int) -> String { "\(value)" }

    /// A decimal cell, written as a number with at most one decimal place (`42.5`, `7`).
    public static func number(_ value: Double) -> String { ReportText.seconds(value) }

    /// One record: cells joined by commas, ended by CRLF.
    public static func row(_ cells: [String]) -> String { cells.joined(separator: ",") + "\r\n" }
}
