import Foundation

/// What one attempt to read a line of input produced.
public enum LineInput: Equatable, Sendable {
    /// A line the user accepted, trimmed of surrounding white space (it may be empty).
    case line(String)
    /// The input ended: Ctrl-D on an empty line, or the end of a pipe or file. On a
    /// terminal the cursor is still on the prompt's line; print a line break first.
    case endOfInput
    /// Ctrl-C cancelled the line being typed (the cursor is on a fresh line); the
    /// caller shows the prompt again.
    case interrupted
    /// A termination signal arrived (`SIGTERM` or `SIGHUP`; also `SIGINT` when input is
    /// not a terminal). The caller saves what it has and exits with `128 + signal`.
    case terminated(signal: Int32)
}

/// Reads lines of input one at a time, with or without line editing.
///
/// Implementations install ``SignalTrap`` so that Ctrl-C, `SIGTERM` and `SIGHUP` come
/// back as ``LineInput`` values instead of killing the process.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (when the reader shows prompts) and waits for one line.
    func read(prompt: String) -> LineInput

    /// Tab-completion candidates: given the whole line typed so far and the word being
    /// completed, the words that could replace it. Only candidates that begin with the
    /// word are offered.
    var completions: @Sendable (_ line: String, _ word: String) -> [String] { get set }
}

/// Makes the reader that suits standard input: ``ReadlineReader`` (line editing,
/// history, Tab completion) on a terminal, ``PlainLineReader`` otherwise.
///
/// - Parameter historyPath: where the readline history lives; `nil` keeps no history.
///   Ignored when standard input is not a terminal.
public func makeLineReader(historyPath: String?) -> any LineReader {
    if isatty(STDIN_FILENO) == 1 {
        return ReadlineReader(historyPath: historyPath)
    }
    return PlainLineReader()
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmedForInput: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
