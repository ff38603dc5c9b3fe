import Foundation

/// What the program knows about the terminal it runs in.
///
/// The properties look at the real process (file descriptors and environment) each time
/// they are read; the `static func` forms take their inputs as parameters for tests.
public enum TerminalInfo {
    /// The narrowest and widest text width used: lines longer than 120 columns are hard to
    /// read, and a window narrower than 20 has no room for an indented choice. Within the
    /// range the text follows the window, so the terminal never breaks a word itself.
    public static let columnRange = 20...120
    /// The width used when none can be found.
    public static let defaultColumns = 80

    /// Whether standard input and standard output are both terminals.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Whether to colour standard output: it is a terminal, `NO_COLOR` is unset or
    /// empty, and `TERM` is not `dumb`.
    public static var useColour: Bool {
        useColour(outputIsTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// The wrap width from a window width (if known) and `environment`.
    public static func columns(windowColumns: Int?, environment: [String: String]) -> Int {
        let fromEnvironment = environment["COLUMNS"]
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .flatMap { $0 > 0 ? $0 : nil }
        let found = windowColumns.flatMap { $0 > 0 ? $0 : nil } ?? fromEnvironment ?? defaultColumns
        return min(max(found, columnRange.lowerBound), columnRange.upperBound)
    }

    /// Whether colour is wanted on an output that is (or is not) a terminal.
    public static func useColour(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// The window size of the terminal on `descriptor` (rows `nil` when it reports none),
    /// or `nil` when it is not a terminal or does not know its width.
    public static func windowSize(of descriptor: Int32) -> (columns: Int, rows: Int?)? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), size.ws_row > 0 ? Int(size.ws_row) : nil)
    }
}
