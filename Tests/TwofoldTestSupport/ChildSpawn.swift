import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Darwin)
/// The file actions `posix_spawn` applies in the child (an optional pointer on Darwin).
public typealias SpawnFileActions = posix_spawn_file_actions_t?
#else
/// The file actions `posix_spawn` applies in the child.
public typealias SpawnFileActions = posix_spawn_file_actions_t
#endif

/// Held while a test creates descriptors for a child and spawns it, so that no child
/// inherits descriptors meant for another (tests start children in parallel).
public let childSpawnLock = NSLock()

/// Why starting, driving or waiting for a child failed.
public struct ChildFailure: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// Starting a child with `posix_spawn`, as a shell would.
public enum ChildSpawn {
    /// `POSIX_SPAWN_SETSID`, which Swift does not import: the child starts a new session.
    private static let setSession: Int32 = 0x80

    /// Starts `executable` with `arguments` and exactly `environment`; `streams` sets up
    /// the child's standard input, output and error. `newSession` makes the child a
    /// session leader, so the first terminal it opens becomes its controlling terminal.
    ///
    /// The child gets an empty signal mask and default signal handlers: tests run on
    /// worker threads that block signals, and a child inherits its parent's mask, so
    /// without this Ctrl-C or `SIGTERM` would never reach it.
    public static func start(
        _ executable: String, arguments: [String], environment: [String: String], newSession: Bool = false,
        streams: (inout SpawnFileActions) -> Void
    ) throws -> pid_t {
        #if canImport(Darwin)
        var actions: SpawnFileActions = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = SpawnFileActions()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        streams(&actions)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let flags = (newSession ? setSession : 0) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var processID: pid_t = 0
        let result = posix_spawn(&processID, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw ChildFailure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return processID
    }

    /// A pipe whose ends are closed on exec, so that no other child inherits them.
    public static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw ChildFailure(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    /// Makes reads and writes on `descriptor` return at once instead of waiting.
    public static func setNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Writing to a child that has exited must fail with `EPIPE`, not end the test run.
    public static let ignoreBrokenPipes: Void = {
        #if canImport(Glibc)
        _ = Glibc.signal(SIGPIPE, SIG_IGN)
        #else
        _ = Darwin.signal(SIGPIPE, SIG_IGN)
        #endif
    }()
}
