import Foundation

/// The discussion countdown: a line that counts down each second and that the
/// facilitator can skip with Enter (or Ctrl-C). When input or output is not a terminal
/// there is nobody to watch it, so it only prints the duration and returns at once.
public struct DiscussionTimer: Sendable {
    /// Whether to count down (standard input and output are both terminals).
    public var isInteractive: Bool
    /// Where the Enter that skips the countdown is read from.
    public var descriptor: Int32

    public init(isInteractive: Bool = TerminalInfo.isInteractive, descriptor: Int32 = STDIN_FILENO) {
        self.isInteractive = isInteractive
        self.descriptor = descriptor
    }

    /// Counts down `seconds`; returns early on Enter, Ctrl-C or a termination signal
    /// (which stays pending for the prompt to act on).
    public func run(seconds: Int, screen: Screen) {
        let margin = "    "
        guard isInteractive else {
            screen.line("\(margin)Discussion: \(DiscussionTimer.clock(seconds)).")
            return
        }
        SignalTrap.install()
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        var shown = -1
        while true {
            let remaining = (deadline - ContinuousClock.now).components
            let left = max(0, Int((Double(remaining.seconds) + Double(remaining.attoseconds) / 1e18).rounded(.up)))
            if left == 0 {
                screen.raw("\r\(margin)\(screen.bold("Discussion: time is up."))\(String(repeating: " ", count: 24))\n")
                return
            }
            if left != shown {
                shown = left
                screen.raw("\r\(margin)\(screen.bold("Discussion: \(DiscussionTimer.clock(left)) left"))  \(screen.dim("(Enter skips)"))  ")
            }
            if SignalTrap.pendingTermination != nil || SignalTrap.takeInterrupt() || enterPressed() {
                screen.raw("\r\(margin)Discussion timer stopped.\(String(repeating: " ", count: 30))\n")
                return
            }
        }
    }

    /// Waits up to a tenth of a second for input; consumes a whole line if one came.
    private func enterPressed() -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 100) > 0 else { return false }
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 && byte != UInt8(ascii: "\n") { continue }
            if count < 0 && errno == EINTR { continue }
            return true  // a line, the end of input or an error: stop counting either way
        }
    }

    /// `1:30`, `0:05`.
    public static func clock(_ seconds: Int) -> String {
        "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }
}
