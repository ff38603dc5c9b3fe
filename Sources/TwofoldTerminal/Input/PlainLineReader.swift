import Foundation

/// Reads standard input line by line with no prompt, no echo and no editing: the reader
/// for pipes and files, so that a session can be scripted.
///
/// It reads one byte at a time, so it never consumes input beyond the line it returns;
/// whatever comes after is left for the next read or for another reader. `\n` and
/// `\r\n` both end a line, and a last line without a line break still counts. Invalid
/// UTF-8 becomes U+FFFD.
///
/// With no terminal to cancel a line on, any trapped signal ends the input:
/// ``LineInput/terminated(signal:)`` for `SIGTERM`, `SIGHUP` and also `SIGINT`.
public final class PlainLineReader: LineReader {
    /// Accepted for ``LineReader`` conformance; there is no Tab key on a pipe.
    public var completions: @Sendable (_ line: String, _ word: String) -> [String] = { _, _ in [] }

    /// The file descriptor lines are read from.
    public let descriptor: Int32

    /// Set once the input has ended, so later reads do not block again.
    private var ended = false

    /// Makes a reader of `descriptor` (standard input by default) and installs ``SignalTrap``.
    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
        SignalTrap.install()
    }

    /// Reads the next line; `prompt` is ignored.
    public func read(prompt: String) -> LineInput {
        if let signal = trappedSignal() { return .terminated(signal: signal) }
        guard !ended else { return .endOfInput }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            if let signal = trappedSignal() { return .terminated(signal: signal) }
            guard waitForInput() else { continue }
            let count = Foundation.read(descriptor, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            } else if count < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                // End of input or a read error: hand back a last unterminated line first.
                ended = true
                if bytes.isEmpty { return .endOfInput }
                break
            }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self).trimmedForInput)
    }

    /// Waits up to a tenth of a second for input (or its end). Polling rather than
    /// relying on `EINTR` keeps signals noticed even when another thread handles them.
    private func waitForInput() -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, 100)
        return ready > 0 || (ready < 0 && errno != EINTR)
    }

    /// A trapped signal that should end plain input, if any.
    private func trappedSignal() -> Int32? {
        if let signal = SignalTrap.pendingTermination { return signal }
        if SignalTrap.takeInterrupt() { return SIGINT }
        return nil
    }
}
