import Foundation
import TwofoldTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PseudoTerminal {
    /// Starts the child in a new session with the pty slave, opened by name, as its
    /// standard input, output and error; the first terminal a session leader opens
    /// becomes its controlling terminal.
    static func spawn(_ executable: String, arguments: [String], terminal: String, environment: [String: String]) throws -> pid_t {
        try ChildSpawn.start(executable, arguments: arguments, environment: environment, newSession: true) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        }
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
