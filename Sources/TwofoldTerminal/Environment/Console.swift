import Foundation

/// Standard output or standard error for a command's own lines, styled with ``Style``
/// only on a terminal and never with `NO_COLOR` — the one way commands print.
public struct Console: Sendable {
    public let descriptor: Int32
    public let style: Style

    public static let standardOutput = Console(descriptor: STDOUT_FILENO)
    public static let standardError = Console(descriptor: STDERR_FILENO)

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        style = Style(enabled: TerminalInfo.useColour(outputIsTerminal: isatty(descriptor) == 1,
                                                      environment: ProcessInfo.processInfo.environment))
    }

    public func write(_ text: String) {
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining = remaining.dropFirst(written)
        }
    }

    public func line(_ text: String = "") { write(text + "\n") }
}
