import Foundation
import TwofoldLRS

/// Where Twofold keeps its files on this machine.
///
/// When `TWOFOLD_HOME` is set, everything goes under it (tests and classroom machines
/// use this). Otherwise data goes under `$XDG_DATA_HOME/twofold`, state under
/// `$XDG_STATE_HOME/twofold` and the configuration file under `$XDG_CONFIG_HOME/twofold`,
/// defaulting to `~/.local/share`, `~/.local/state` and `~/.config`. Empty
/// variables count as unset, and relative `XDG_*` paths are ignored, as the XDG Base
/// Directory specification asks.
///
/// Working out a path touches nothing: the folders are made (mode 0700, since sessions
/// and reports carry names and scores) by whoever writes there, when they write.
public struct Paths: Sendable, Equatable {
    /// Saved sessions, the records store and reports (an absolute path).
    public let dataDirectory: String
    /// Readline history and other state not worth backing up (an absolute path).
    public let stateDirectory: String
    /// Settings a person writes: `config.json` (an absolute path).
    public let configDirectory: String

    /// Works out the locations from `environment` (the process environment by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.path
        }
        if let home = value("TWOFOLD_HOME") {
            dataDirectory = absolute(home)
            stateDirectory = dataDirectory
            configDirectory = dataDirectory
            return
        }
        let home = value("HOME") ?? NSHomeDirectory()
        let dataHome = value("XDG_DATA_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share"
        let stateHome = value("XDG_STATE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        let configHome = value("XDG_CONFIG_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        dataDirectory = absolute(dataHome + "/twofold")
        stateDirectory = absolute(stateHome + "/twofold")
        configDirectory = absolute(configHome + "/twofold")
    }

    /// The configuration file (learning record store, xAPI base): `config.json` in the config folder.
    public var configFile: String { configDirectory + "/" + ConfigFile.name }

    /// The readline history of play: `history` in the state folder.
    public var historyFile: String { stateDirectory + "/history" }

    /// The readline history of the facilitator's prompt: `facilitate-history` in the state folder.
    public var facilitationHistoryFile: String { stateDirectory + "/facilitate-history" }

    /// The records store: `records.sqlite` in the data folder.
    public var databaseFile: String { dataDirectory + "/records.sqlite" }

    /// Where learner reports go unless `--out` says otherwise: `reports` in the data folder.
    public var reportsDirectory: String { dataDirectory + "/reports" }
}
