import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PseudoTerminal {
    /// `POSIX_SPAWN_SETSID`, which Swift does not import: the child starts a new session.
    private static let spawnSetSID: Int32 = 0x80

    /// Starts the child in a new session with the pty slave, opened by name, as its
    /// standard input, output and error; the first terminal a session leader opens
    /// becomes its controlling terminal.
    ///
    /// The child also gets an empty signal mask and default signal handlers: tests run on
    /// worker threads that block signals, and a child inherits its parent's mask, so
    /// without this Ctrl-C would never reach it.

    static func spawn(_ executable: String, arguments: [String], terminal: String, environment: [String: String]) throws -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
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
        let flags = spawnSetSID | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var processID: pid_t = 0
        let result = posix_spawn(&processID, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return processID
    }

    /// The child's environment: a small base, then the caller's variables.
    static func environment(adding extra: [String: String]) -> [String: String] {
        let parent = ProcessInfo.processInfo.environment
        var environment = [
            "PATH": parent["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": parent["HOME"] ?? NSTemporaryDirectory(),
            "LANG": "C.UTF-8",
            "TERM": "dumb",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// `bytes` as text with ANSI escape sequences and carriage returns removed.
    static func plainText(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\r":
                continue
            case "\u{1B}":
                guard let introducer = scalars.popFirst() else { break }
                if introducer == "[" {
                    while let next = scalars.popFirst(), !(0x40...0x7E).contains(next.value) {}
                } else if introducer == "]" {
                    while let next = scalars.popFirst(), next != "\u{07}", next != "\u{1B}" {}
                    if scalars.first == "\\" { scalars.removeFirst() }
                }
            default:
                text.append(scalar)
            }
        }
        return String(text)
    }
}
