import Foundation
import Testing
@testable import TwofoldApp

@Suite("Paths")
struct PathsTests {
    @Test("TWOFOLD_HOME holds everything")
    func twofoldHome() {
        let paths = Paths(environment: [
            "TWOFOLD_HOME": "/tmp/tf-home/", "HOME": "/home/ana",
            "XDG_DATA_HOME": "/xdg/data", "XDG_STATE_HOME": "/xdg/state",
        ])
        #expect(paths.dataDirectory == "/tmp/tf-home")
        #expect(paths.stateDirectory == "/tmp/tf-home")
        #expect(paths.historyFile == "/tmp/tf-home/history")
        #expect(paths.databaseFile == "/tmp/tf-home/records.sqlite")
        #expect(paths.reportsDirectory == "/tmp/tf-home/reports")
        #expect(paths.configFile == "/tmp/tf-home/config.json")
    }

    @Test("XDG folders are used when set")
    func xdg() {
        let paths = Paths(
            environment: ["HOME": "/home/ana", "XDG_DATA_HOME": "/xdg/data", "XDG_STATE_HOME": "/xdg/state",
                          "XDG_CONFIG_HOME": "/xdg/config"])
        #expect(paths.dataDirectory == "/xdg/data/twofold")
        #expect(paths.stateDirectory == "/xdg/state/twofold")
        #expect(paths.historyFile == "/xdg/state/twofold/history")
        #expect(paths.databaseFile == "/xdg/data/twofold/records.sqlite")
        #expect(paths.reportsDirectory == "/xdg/data/twofold/reports")
        #expect(paths.configFile == "/xdg/config/twofold/config.json")
    }

    @Test("defaults sit under the home folder; empty and relative values are ignored")
    func defaults() {
        let paths = Paths(
            environment: ["HOME": "/home/ana", "TWOFOLD_HOME": "", "XDG_DATA_HOME": "relative/data"])
        #expect(paths.dataDirectory == "/home/ana/.local/share/twofold")
        #expect(paths.stateDirectory == "/home/ana/.local/state/twofold")
        #expect(paths.reportsDirectory == "/home/ana/.local/share/twofold/reports")
        #expect(paths.configFile == "/home/ana/.config/twofold/config.json")
    }

    @Test("working out paths creates nothing; a private folder is made readable only by the owner")
    func createsNothing() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("twofold-paths-\(UUID().uuidString)", isDirectory: true).path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = Paths(environment: ["XDG_DATA_HOME": root + "/data", "XDG_STATE_HOME": root + "/state"])
        #expect(paths.historyFile == root + "/state/twofold/history")
        _ = (paths.databaseFile, paths.reportsDirectory, paths.facilitationHistoryFile)
        #expect(!FileManager.default.fileExists(atPath: root))
        try FileSystem.createFolder(paths.reportsDirectory, private: true)
        for folder in ["/data", "/data/twofold", "/data/twofold/reports"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: root + folder)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o700, "\(folder)")
        }
    }
}
