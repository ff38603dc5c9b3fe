import Foundation

/// Where Twofold keeps its files on this machine.
///
/// When `TWOFOLD_HOME` is set, everything goes under it (tests and classroom machines
/// use this). Otherwise data goes under `$XDG_DATA_HOME/twofold` and state under
/// `$XDG_STATE_HOME/twofold`, defaulting to `~/.local/share` and `~/.local/state`. Empty
/// variables count as unset, and relative `XDG_*` paths are ignored, as the XDG Base
/// Directory specification asks.
///
/// Asking for ``historyFile``, ``databaseFile`` or ``reportsDirectory`` creates the
/// folder it lives in (and missing parents) with mode 0700, since sessions and reports
/// carry names and scores; existing folders keep their mode. Creation is best effort:
/// a failure shows up, with its reason, when the file itself is opened.
public struct Paths: Sendable, Equatable {
    /// Saved sessions, the records store and reports (an absolute path).
    public let dataDirectory: String
    /// Readline history and other state not worth backing up (an absolute path).
    public let stateDirectory: String
    /// Whether asking for a file's path creates its folder.
    public let createsDirectories: Bool

    /// Works out the locations from `environment` (the process environment by default).
    ///
    /// - Parameter createsDirectories: `false` only computes paths, for tests.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, createsDirectories: Bool = true) {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.path
        }
        self.createsDirectories = createsDirectories
        if let home = value("TWOFOLD_HOME") {
            dataDirectory = absolute(home)
            stateDirectory = dataDirectory
            return
        }
        let home = value("HOME") ?? NSHomeDirectory()
        let dataHome = value("XDG_DATA_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share"
        let stateHome = value("XDG_STATE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        dataDirectory = absolute(dataHome + "/twofold")
        stateDirectory = absolute(stateHome + "/twofold")
    }

    /// The readline history: `history` in the state folder.
    public var historyFile: String { prepared(stateDirectory) + "/history" }

    /// The records store: `records.sqlite` in the data folder.
    public var databaseFile: String { prepared(dataDirectory) + "/records.sqlite" }

    /// Where learner reports go unless `--out` says otherwise: `reports` in the data folder.
    public var reportsDirectory: String { prepared(dataDirectory + "/reports") }

    /// Creates `directory` and any missing parents with mode 0700, and returns it.
    @discardableResult
    public static func createDirectory(_ directory: String) throws -> String {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        return directory
    }

    /// `directory`, created first when this value creates directories.
    private func prepared(_ directory: String) -> String {
        if createsDirectories {
            _ = try? Self.createDirectory(directory)
        }
        return directory
    }
}
