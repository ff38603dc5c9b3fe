import Foundation
@preconcurrency import CReadline
import TwofoldApp

/// Reads lines from a terminal with GNU readline: line editing, history and Tab completion.
///
/// Ctrl-C cancels the line being typed (``LineInput/interrupted``); `SIGTERM` and
/// `SIGHUP` end the read (``LineInput/terminated(signal:)``). While a line is read,
/// Ctrl-C is a key like any other (see ``ReadlineHooks``), so keys typed right after it
/// start the next line; signals are caught by ``SignalTrap`` and acted on in readline's
/// event hook, outside signal context.
///
/// Accepted non-empty lines go into the history, trimmed, skipping a line equal to the
/// one before it, and the history file is rewritten after every such line so that a
/// killed process loses nothing. readline keeps one process-wide state, so use one
/// reader at a time; making a reader replaces the in-memory history with its file's.
public final class ReadlineReader: LineReader {
    /// The history file, or `nil` to keep no history on disk.
    public let historyPath: String?

    /// Tab-completion candidates for the line typed so far and the word being completed.
    public var completions: @Sendable (_ line: String, _ word: String) -> [String] = { _, _ in [] }

    /// A status kept live in front of the prompt while a line is typed (`12 of 15 voted `),
    /// checked about ten times a second and redrawn when it changes; nil for none. It
    /// must be plain text (no escape sequences).
    public var liveStatus: (@Sendable () -> String)?

    /// The prompt as last shown, live status included.
    public var shownPrompt: String { ReadlineHooks.shownPrompt }

    /// Prepares readline and loads the history.
    ///
    /// - Parameters:
    ///   - historyPath: the history file; its folder must exist. `nil` keeps no history.
    ///   - historyLimit: how many entries the history keeps (`stifle_history`).
    public init(historyPath: String?, historyLimit: Int32 = 500) {
        self.historyPath = historyPath
        SignalTrap.install()
        ReadlineHooks.configure()
        clear_history()  // the history is process-wide: start from this reader's file only
        using_history()
        stifle_history(historyLimit)
        if let historyPath {
            // The folder it is written to at the end, made now (private: it holds what was typed).
            try? FileSystem.createFolder(URL(fileURLWithPath: historyPath).deletingLastPathComponent().path, private: true)
            _ = read_history(historyPath)
        }
    }

    /// Shows `prompt` and reads one line with editing.
    ///
    /// Escape sequences in `prompt` (colour) must be wrapped in `"\u{1}"` … `"\u{2}"` so
    /// that readline does not count them as visible characters.
    public func read(prompt: String) -> LineInput {
        if let signal = SignalTrap.pendingTermination { return .terminated(signal: signal) }
        if SignalTrap.takeInterrupt() { return .interrupted }

        ReadlineHooks.begin(completions: completions, prompt: prompt, liveStatus: liveStatus)
        let raw = readline(ReadlineHooks.shownPrompt)
        defer { free(raw) }
        let interrupted = ReadlineHooks.end()

        if let signal = SignalTrap.pendingTermination { return .terminated(signal: signal) }
        if interrupted { return .interrupted }
        guard let raw else { return .endOfInput }
        let line = String(cString: raw).trimmedForInput
        remember(line)
        return .line(line)
    }

    /// Adds `line` to the history unless it is empty or repeats the last entry, then
    /// saves the history file.
    private func remember(_ line: String) {
        guard !line.isEmpty, line != lastHistoryEntry else { return }
        add_history(line)
        if let historyPath {
            // write_history writes a temporary file and renames it over the old one.
            _ = write_history(historyPath)
        }
    }

    /// The newest history entry, if any.
    private var lastHistoryEntry: String? {
        guard history_length > 0,
              let entry = history_get(history_base + history_length - 1),
              let text = entry.pointee.line
        else { return nil }
        return String(cString: text)
    }
}
