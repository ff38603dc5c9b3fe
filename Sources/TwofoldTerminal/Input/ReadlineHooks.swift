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
    /// Whether Ctrl-C (the key, or a trapped `SIGINT`) cancelled the current line.
    nonisolated(unsafe) private static var interrupted = false
    /// The read's prompt, its live status and the status now shown in front of it.
    nonisolated(unsafe) private static var prompt = ""
    nonisolated(unsafe) private static var liveStatus: (@Sendable () -> String)?
    nonisolated(unsafe) private static var shownStatus = ""

    /// One-time readline settings.
    ///
    /// Ctrl-C is read as a key while readline waits for a line (``prepareTerminal(meta:)``
    /// turns the terminal's interrupt character off, `cancelLineKey` is bound to it), so
    /// it takes its place in the input: keys typed after it always go to the next line,
    /// never into the cancelled one. A `SIGINT` from elsewhere (`kill -INT`) is still
    /// trapped and handled by the event hook. Handling Ctrl-C as a signal cannot keep that
    /// order: readline reads the keys that arrive with the signal before any hook runs
    /// (`rl_event_hook` and `rl_signal_event_hook` alike merged them into the cancelled
    /// line in 60 of 60 trials on a pseudo-terminal).
    private static let configured: Void = {
        rl_readline_name = UnsafePointer(strdup("twofold"))
        rl_catch_signals = 1
        rl_attempted_completion_function = attemptCompletion
        rl_completion_entry_function = noCompletion  // never fall back to file names
        rl_event_hook = eventHook
        rl_prep_term_function = prepareTerminalHook
        for name in ["emacs-standard", "vi-insert", "vi-command"] {
            if let keymap = rl_get_keymap_by_name(name) {
                rl_bind_key_in_map(Int32(interruptKey), cancelLineKey, keymap)
            }
        }
    }()

    /// Ctrl-C.
    static let interruptKey: UInt8 = 0x03

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
            cancelLine()
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

    /// Ctrl-C pressed: shows `^C` after the text typed, then ends the read with the line
    /// emptied and marked as cancelled.
    fileprivate static func onInterruptKey() {
        rl_point = rl_end
        rl_redisplay()
        if let output = rl_outstream {
            fputs("^C", output)
            fflush(output)
        }
        cancelLine()
        rl_newline(1, Int32(interruptKey))
    }

    /// Empties the line and marks the read as cancelled.
    private static func cancelLine() {
        interrupted = true
        using_history()  // or the cancelled text would overwrite a recalled entry
        rl_replace_line("", 1)
    }

    /// Prepares the terminal as readline does, then turns its interrupt character off, so
    /// that Ctrl-C arrives in order with the other keys instead of as a signal that
    /// overtakes them. readline puts the saved settings back when the read ends.
    fileprivate static func prepareTerminal(meta: Int32) {
        rl_prep_terminal(meta)
        let descriptor = fileno(rl_instream ?? stdin)
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return }
        let disabled = fpathconf(descriptor, Int32(_PC_VDISABLE))
        guard disabled >= 0 else { return }
        withUnsafeMutableBytes(of: &settings.c_cc) { characters in
            characters[Int(VINTR)] = UInt8(truncatingIfNeeded: disabled)
        }
        tcsetattr(descriptor, TCSANOW, &settings)
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

/// readline's terminal preparation.
private func prepareTerminalHook(_ meta: Int32) {
    ReadlineHooks.prepareTerminal(meta: meta)
}

/// The command bound to Ctrl-C.
private func cancelLineKey(_ count: Int32, _ key: Int32) -> Int32 {
    ReadlineHooks.onInterruptKey()
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
