/// How a play or facilitation loop ended.
public enum SessionExit: Sendable, Equatable {
    /// An ending was reached.
    case finished
    /// `quit` or end of input: the session is saved and resumable.
    case saved
    /// SIGTERM or SIGHUP: saved; the process should exit 128 + signal.
    case terminated(signal: Int32)
}
