import Foundation
import Testing
import TwofoldCore
import TwofoldTestSupport
@testable import TwofoldApp

/// The path of a file or folder under `Tests/Fixtures`.
func fixturePath(_ relative: String) -> String { fixtureURL(relative).path }

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
