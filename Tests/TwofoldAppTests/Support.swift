import Foundation
import Testing
import TwofoldCore
import TwofoldTestSupport
@testable import TwofoldApp

/// The path of a file or folder under `Tests/Fixtures`.
func fixturePath(_ relative: String) -> String { fixtureURL(relative).path }

/// A fresh folder under the system's temporary folder, removed when the value goes.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("twofold-app-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (folders made as needed); returns the path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func files(in relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
    }
}

/// A clock that starts at a fixed instant and moves on a second each time it is read.
final class SteppingClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 1_800_000_000.0

    func now() -> Date {
        lock.withLock {
            seconds += 1
            return Date(timeIntervalSince1970: seconds)
        }
    }
}

/// An application on a temporary home, with the test fixtures' scenarios as its library;
/// `environment` holds its learning-record settings (none by default).
func testApplication(_ home: TemporaryFolder, environment: [String: String] = [:]) -> Application {
    Application(paths: Paths(environment: ["TWOFOLD_HOME": home.path]),
                library: ScenarioLibrary(folders: [(fixturePath("scenarios"), false)]), clock: SteppingClock(),
                environment: environment)
}
