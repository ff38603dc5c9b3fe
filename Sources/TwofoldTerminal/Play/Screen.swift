import TwofoldCore

/// Puts scenario content on the terminal: wrapped to the width, every piece of scenario
/// or learner text neutralised, colour and emphasis only when colour is on.
public struct Screen: Sendable {
    public var columns: Int
    public var colour: Bool
    private let write: @Sendable (String) -> Void

    public init(columns: Int, colour: Bool, write: @escaping @Sendable (String) -> Void) {
        self.columns = columns
        self.colour = colour
        self.write = write
    }

    /// Writes raw text (already safe) as is.
    public func raw(_ text: String) { write(text) }

    public func line(_ text: String = "") { write(text + "\n") }

    public func blank() { write("\n") }

    /// Untrusted text, made safe and wrapped, with an indent.
    public func paragraph(_ text: String, indent: String = "", hanging: String? = nil) {
        for line in TextLayout.wrap(TextSafety.terminal(text), width: columns, indent: indent, hangingIndent: hanging) {
            write(line + "\n")
        }
    }

    /// The styles this screen uses: real SGR sequences only when colour is on.
    public var style: Style { Style(enabled: colour) }

    public func bold(_ text: String) -> String { style.apply(text, .bold) }
    public func dim(_ text: String) -> String { style.apply(text, .dim) }

    /// A heading rule: `── Title ─────`.
    public func heading(_ title: String) {
        let safe = TextSafety.terminal(title)
        let used = TextLayout.displayWidth(safe) + 4
        let rule = String(repeating: "─", count: max(3, min(columns, 80) - used))
        line(bold("── \(safe) \(rule)"))
    }

    /// A signed delta such as `+2`, `0` or `-1`.
    public static func signed(_ value: Int) -> String {
        value > 0 ? "+\(value)" : "\(value)"
    }

    /// A horizontal bar of `width` cells filled to `percent`.
    public func bar(percent: Int, width: Int) -> String {
        let clamped = max(0, min(100, percent))
        let filled = Int((Double(clamped) / 100 * Double(width)).rounded())
        let full = String(repeating: "█", count: filled)
        let empty = String(repeating: colour ? "░" : "·", count: width - filled)
        return full + empty
    }
}
