import Foundation
import Synchronization

/// Catches `SIGINT`, `SIGTERM` and `SIGHUP` so that they end a read instead of the process.
///
/// The handlers (installed with `sigaction`, without `SA_RESTART`, so a blocked `read`
/// returns `EINTR`) only record the signal number in an atomic; everything else happens
/// outside signal context: readline's event hook polls it while waiting for a key, and
/// other code asks ``pendingTermination`` between steps. A termination signal is never
/// overwritten by a later Ctrl-C, and it stays pending once seen so that every layer
/// can notice it on the way out.
public enum SignalTrap {
    /// The most important signal caught and not yet handled, or 0.
    private static let pending = Atomic<Int32>(0)
    /// Whether the handlers are installed.
    private static let installed = Atomic<Bool>(false)

    /// The signals the trap handles.
    public static let trappedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers and unblocks the signals on the calling thread, so that a
    /// blocked read there is interrupted. Calling it again only unblocks.
    public static func install() {
        _ = pending.load(ordering: .relaxed)  // initialise before any handler can run
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in trappedSignals { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        guard installed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        for signal in trappedSignals {
            setAction(signal, signalTrapHandler, flags: 0)  // no SA_RESTART: blocked reads return EINTR
        }
    }

    /// Puts back the default handlers, so that a later signal ends the process as usual.
    public static func restoreDefaults() {
        for signal in trappedSignals { setAction(signal, SIG_DFL) }
        installed.store(false, ordering: .releasing)
    }

    /// Gives `SIGQUIT` (Ctrl-\) its default meaning back: the process ends at once, with a
    /// core dump where the system keeps them. Call it first thing in `main`.
    ///
    /// The Swift runtime installs its crash reporter for `SIGQUIT` at start-up; on a
    /// terminal it prints a backtrace and then waits 30 seconds for a key ("Press space to
    /// interact…"), which is right for a crash and wrong for someone asking to quit. Every
    /// decision is already saved by then, and readline, when it is reading, puts the
    /// terminal back before the signal ends the process. Other crash signals keep the
    /// reporter.
    public static func restoreDefaultQuit() { setAction(SIGQUIT, SIG_DFL) }

    #if canImport(Glibc)
    typealias Handler = __sighandler_t
    #else
    typealias Handler = sig_t
    #endif

    /// Sets the action of `signal`: `handler` (or `SIG_DFL`), an empty mask and `flags`.
    static func setAction(_ signal: Int32, _ handler: Handler?, flags: Int32 = 0) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        sigaction(signal, &action, nil)
    }

    /// `SIGTERM` or `SIGHUP` if one has arrived: the caller should save and exit with
    /// `128 + signal`. Reading it does not clear it.
    public static var pendingTermination: Int32? {
        let signal = pending.load(ordering: .acquiring)
        return isTermination(signal) ? signal : nil
    }

    /// Whether Ctrl-C arrived and has not been handled; handling it clears it.
    public static func takeInterrupt() -> Bool {
        pending.compareExchange(expected: SIGINT, desired: 0, ordering: .acquiringAndReleasing).exchanged
    }

    /// Forgets a pending Ctrl-C (a termination signal stays pending).
    public static func clearInterrupt() { _ = takeInterrupt() }

    /// Records `signal` as if it had been delivered. For tests and for code that wants
    /// to request the same orderly shutdown.
    public static func record(_ signal: Int32) {
        var current = pending.load(ordering: .relaxed)
        while !isTermination(current) {
            let (exchanged, original) = pending.compareExchange(
                expected: current, desired: signal, ordering: .acquiringAndReleasing)
            if exchanged { return }
            current = original
        }
    }

    /// Clears every pending signal. For tests.
    public static func reset() { pending.store(0, ordering: .releasing) }

    static func isTermination(_ signal: Int32) -> Bool { signal == SIGTERM || signal == SIGHUP }
}

/// The handler itself: only an atomic compare-and-exchange, which is async-signal-safe.
private func signalTrapHandler(_ signal: Int32) {
    SignalTrap.record(signal)
}
