import Foundation
@testable import TwofoldStore
import TwofoldTestSupport

/// Runs `body` with a fresh, empty temporary folder that is removed afterwards.
func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
    let folder = try TemporaryFolder("store")
    defer { withExtendedLifetime(folder) {} }
    return try await body(folder.url)
}

/// The records store's path inside a test folder (one level down, to test folder creation).
func storePath(in folder: URL) -> String {
    folder.appendingPathComponent("data/records.sqlite").path
}

/// A fixed instant, `seconds` after a base date (whole seconds survive the round trip).
func instant(_ seconds: Int) -> Date {
    Date(timeIntervalSince1970: 1_800_000_000 + TimeInterval(seconds))
}

/// JSON bytes for a test state or step detail.
func json(_ text: String) -> Data {
    Data(text.utf8)
}

/// A new active solo session for `learner`.
func sampleSession(
    id: String = UUID().uuidString, learner: String = "Ana Silva",
    scenarioID: String = "retail-floor-walk", kind: String = "solo", startedAt: Date = instant(0)
) -> SessionRecord {
    SessionRecord(
        id: id, kind: kind, learner: learner, cohort: "Spring leaders",
        scenarioID: scenarioID, scenarioTitle: "Walking the Store Floor",
        scenarioPath: "/scenarios/\(scenarioID).json", fingerprint: "sha256:abc",
        state: json(#"{"turn":0}"#), startedAt: startedAt)
}
