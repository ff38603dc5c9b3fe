import Foundation
@preconcurrency import CReadline

/// The C callbacks readline calls while ``ReadlineReader`` waits for a line, and the
/// little state they share.
///
/// readline is single-threaded and process-wide, so this state is too: it is only
/// touched from the thread inside `readline()`, and the signal handlers never touch it.
enum ReadlineHooks {
    /// The reader's completion source for the read in progress.
    nonisolated(unsafe) private static var completions: (@Sendable (String, String) -> [String])?
    /// The candidates for the completion in progress, and the next one to hand out.
    nonisolated(unsafe) private static var candidates: [String] = []
    nonisolated(unsafe) private static var nextCandidate = 0
    /// Whether the event hook cancelled the current line because of Ctrl-C.
    nonisolated(unsafe) private static var interrupted = false
    /// The read's prompt, its live status and the status now shown in front of it.
    nonisolated(unsafe) private static var prompt = ""
    nonisolated(unsafe) private static var liveStatus: (@Sendable () -> String)?
    nonisolated(unsafe) private static var shownStatus = ""

    /// One-time readline settings.
    private static let configured: Void = {
        rl_readline_name = UnsafePointer(strdup("twofold"))
        rl_catch_signals = 1
        rl_attempted_completion_function = attemptCompletion
        rl_completion_entry_function = noCompletion  // never fall back to file names
        rl_event_hook = eventHook
    }()

    /// Applies the one-time settings; safe to call repeatedly.
    static func configure() { _ = configured }

    /// Called just before `readline()`.
    static func begin(completions: @escaping @Sendable (String, String) -> [String], prompt: String = "",
                      liveStatus: (@Sendable () -> String)? = nil) {
        self.completions = completions
        interrupted = false
        self.prompt = prompt
        self.liveStatus = liveStatus
        shownStatus = liveStatus?() ?? ""
    }

    /// The prompt to show now: the live status, if any, then the read's prompt.
    static var shownPrompt: String { shownStatus + prompt }

    /// Called just after `readline()` returns; tells whether Ctrl-C cancelled the line.
    static func end() -> Bool {
        completions = nil
        liveStatus = nil
        candidates = []
        return interrupted
    }

    /// Runs about ten times a second while readline waits for a key.
    fileprivate static func onEvent() {
        if SignalTrap.pendingTermination != nil {
            rl_done = 1
        } else if SignalTrap.takeInterrupt() {
            interrupted = true
            using_history()  // or the cancelled text would overwrite a recalled entry
            rl_replace_line("", 1)
            rl_done = 1
        } else if let liveStatus {
            let status = liveStatus()
            guard status != shownStatus else { return }
            shownStatus = status
            // Clear the row and tell readline it starts afresh there, then draw the prompt
            // (with the new status) and the text typed so far, cursor where it was.
            fputs("\r\u{1B}[K", rl_outstream ?? stdout)
            rl_set_prompt(shownPrompt)
            rl_on_new_line()
            rl_redisplay()
        }
    }

    /// Collects the candidates for `word` from the reader's completion source.
    fileprivate static func prepareCandidates(line: String, word: String) -> Bool {
        candidates = (completions?(line, word) ?? []).filter { $0.hasPrefix(word) }
        nextCandidate = 0
        return !candidates.isEmpty
    }

    /// The next candidate, `strdup`ed for readline (which frees it), or `nil` at the end.
    fileprivate static func candidate(restart: Bool) -> UnsafeMutablePointer<CChar>? {
        if restart { nextCandidate = 0 }
        guard nextCandidate < candidates.count else { return nil }
        defer { nextCandidate += 1 }
        return strdup(candidates[nextCandidate])
    }
}

/// readline's event hook.
private func eventHook() -> Int32 {
    ReadlineHooks.onEvent()
    return 0
}

/// readline's completion entry point: candidates from the reader, nothing else.
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    let word = text.map { String(cString: $0) } ?? ""
    let line = rl_line_buffer.map { String(cString: $0) } ?? ""
    guard ReadlineHooks.prepareCandidates(line: line, word: word) else { return nil }
    return rl_completion_matches(text, candidateGenerator)
}

/// Hands readline one candidate per call, then `nil`.
private func candidateGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    ReadlineHooks.candidate(restart: state == 0)
}

/// The fallback generator: offers nothing, so readline never completes file names.
private func noCompletion(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    nil
}
