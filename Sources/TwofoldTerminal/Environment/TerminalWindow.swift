import Foundation
import Synchronization

/// The size of the terminal window standard output is shown in, followed as the window
/// is resized.
///
/// ``follow()`` installs a `SIGWINCH` handler that only marks the size as stale (with
/// `SA_RESTART`, so no blocking call fails because of it); the next read of ``size`` asks
/// the terminal again. readline installs a handler of its own while it reads a line and
/// calls this one from it, so a resize during a prompt is noticed too.
public enum TerminalWindow {
    /// Whether the window may have changed since ``size`` last asked.
    private static let stale = Atomic<Bool>(true)
    /// Whether the handler is installed.
    private static let following = Atomic<Bool>(false)
    /// The size last asked for.
    private static let cached = Mutex(Screen.Size(columns: TerminalInfo.defaultColumns, rows: nil))

    /// The layout size now: the wrap width from ``TerminalInfo/columns`` and the window's
    /// rows when standard output is a terminal that knows them. Before ``follow()`` is
    /// called it asks the terminal every time.
    public static var size: Screen.Size {
        guard following.load(ordering: .acquiring) else { return measure() }
        if stale.exchange(false, ordering: .acquiringAndReleasing) {
            let size = measure()
            cached.withLock { $0 = size }
            return size
        }
        return cached.withLock { $0 }
    }

    /// Starts following resizes. Safe to call more than once.
    public static func follow() {
        _ = stale.load(ordering: .relaxed)  // initialise before the handler can run
        guard following.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        SignalTrap.setAction(SIGWINCH, windowChangedHandler, flags: Int32(SA_RESTART))
        stale.store(true, ordering: .releasing)
    }

    /// Records that the window changed; called from the signal handler.
    fileprivate static func windowChanged() {
        stale.store(true, ordering: .releasing)
    }

    /// Asks the terminal for its size.
    private static func measure() -> Screen.Size {
        let window = TerminalInfo.windowSize(of: STDOUT_FILENO)
        let columns = TerminalInfo.columns(windowColumns: window?.columns, environment: ProcessInfo.processInfo.environment)
        return Screen.Size(columns: columns, rows: window?.rows)
    }
}

/// The `SIGWINCH` handler: one atomic store, which is async-signal-safe.
private func windowChangedHandler(_ signal: Int32) {
    TerminalWindow.windowChanged()
}
