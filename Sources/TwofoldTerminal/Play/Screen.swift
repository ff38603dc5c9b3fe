import Synchronization
import TwofoldCore

/// Puts scenario content on the terminal: wrapped to the width, every piece of scenario
/// or learner text neutralised, colour and emphasis only when colour is on.
///
/// The size is asked for each time text is laid out, so a screen made with
/// ``terminal(colour:write:)`` follows the window as it is resized.
public struct Screen: Sendable {
    /// The size text is laid out for.
    public struct Size: Sendable, Equatable {
        /// The wrap width.
        public var columns: Int
        /// The window's height, when known (not when output goes to a file or pipe).
        public var rows: Int?

        public init(columns: Int, rows: Int? = nil) {
            self.columns = columns
            self.rows = rows
        }
    }

    public let colour: Bool
    private let size: @Sendable () -> Size
    private let write: @Sendable (String) -> Void

    /// A screen of a fixed size.
    public init(columns: Int, rows: Int? = nil, colour: Bool, write: @escaping @Sendable (String) -> Void) {
        let size = Size(columns: columns, rows: rows)
        self.init(size: { size }, colour: colour, write: write)
    }

    /// A screen whose size is asked of `size` each time text is laid out.
    public init(size: @escaping @Sendable () -> Size, colour: Bool, write: @escaping @Sendable (String) -> Void) {
        self.size = size
        self.colour = colour
        self.write = write
    }

    /// A screen the size of the terminal window on standard output, following resizes.
    public static func terminal(colour: Bool, write: @escaping @Sendable (String) -> Void) -> Screen {
        TerminalWindow.follow()
        return Screen(size: { TerminalWindow.size }, colour: colour, write: write)
    }

    /// The wrap width now.
    public var columns: Int { size().columns }
    /// The window's height now, when known.
    public var rows: Int? { size().rows }

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

    /// The program's own text (hints, help, messages), wrapped at word boundaries, each
    /// line styled by `style` (so a colour never runs across a line break). Any untrusted
    /// part must be sanitized before it is put into `text`.
    public func note(_ text: String, indent: String = "", hanging: String? = nil, style: (String) -> String = { $0 }) {
        for line in TextLayout.wrap(text, width: columns, indent: indent, hangingIndent: hanging) {
            let body = line.drop { $0 == " " }
            write(line.prefix(line.count - body.count) + style(String(body)) + "\n")
        }
    }

    /// A two-column list (a term, then what it does): terms padded to `termWidth`, the
    /// descriptions wrapped with their later lines under the description column.
    public func table(_ rows: [(term: String, description: String)], indent: String = "", termWidth: Int) {
        let hanging = indent + String(repeating: " ", count: termWidth + 1)
        for row in rows {
            let term = row.term + String(repeating: " ", count: max(0, termWidth - TextLayout.displayWidth(row.term)))
            note(row.description, indent: indent + term + " ", hanging: hanging)
        }
    }

    /// The lines `body` would write to this screen, at its size now, without writing them.
    public func render(_ body: (Screen) -> Void) -> [String] {
        let buffer = RenderBuffer()
        let size = self.size()
        body(Screen(size: { size }, colour: colour) { buffer.append($0) })
        var lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The styles this screen uses: real SGR sequences only when colour is on.
    public var style: Style { Style(enabled: colour) }

    public func bold(_ text: String) -> String { style.apply(text, .bold) }
    public func dim(_ text: String) -> String { style.apply(text, .dim) }

    /// A heading rule, `── Title ─────`, at most 80 columns wide; a title too long for
    /// one line wraps, and the rule follows its last line.
    public func heading(_ title: String) {
        let width = min(columns, 80)
        let lines = TextLayout.wrap(TextSafety.terminal(title), width: width, indent: "── ", hangingIndent: "   ")
        for (index, text) in lines.enumerated() {
            let room = width - TextLayout.displayWidth(text) - 1
            let rule = index == lines.count - 1 && room >= 3 ? " " + String(repeating: "─", count: room) : ""
            line(bold(text + rule))
        }
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

/// Collects what a rendering screen writes.
private final class RenderBuffer: Sendable {
    private let storage = Mutex("")
    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}
