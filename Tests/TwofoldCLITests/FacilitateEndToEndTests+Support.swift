import Foundation
import Testing
import TwofoldTestSupport

/// Reading reports and scoring votes independently, for the facilitate tests.
extension FacilitateEndToEndTests {
    // MARK: Reading reports

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The report files in `folder` whose names start with `prefix` and end with `.ext`.
    static func files(in folder: URL, prefix: String, ext: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix + "-") && $0.lastPathComponent.hasSuffix("." + ext) }
    }

    // MARK: Independent scoring

    /// Sums each voted choice's deltas straight from the scenario file and turns them into
    /// percents with the bounds `twofold stats --json` reports, without any Twofold code.
    static func expectedScores(votes: [String?], scenarioFile: URL, bounds: [String: (min: Int, max: Int)]) throws -> [String: (raw: Int, percent: Int)] {
        let scenario = try json(scenarioFile)
        let scenes = try #require(scenario["scenes"] as? [[String: Any]])
        var deltas: [String: [String: Int]] = [:]
        for scene in scenes {
            for choice in scene["choices"] as? [[String: Any]] ?? [] {
                deltas[choice["id"] as! String] = choice["scores"] as? [String: Int] ?? [:]
            }
        }
        var result: [String: (raw: Int, percent: Int)] = [:]
        for (axis, range) in bounds {
            let raw = votes.compactMap { $0 }.reduce(0) { $0 + (deltas[$1]?[axis] ?? 0) }
            let percent = range.max == range.min ? 100
                : Int((100 * Double(raw - range.min) / Double(range.max - range.min)).rounded(.toNearestOrAwayFromZero))
            result[axis] = (raw, percent)
        }
        return result
    }

    /// Each axis's lowest and highest raw score, as `twofold stats --json` reports them.
    static func bounds(home: TestHome) throws -> [String: (min: Int, max: Int)] {
        let stats = try home.run(["stats", "retail-floor-walk", "--json"])
        #expect(stats.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let axes = try #require(object["axes"] as? [String: [String: Int]])
        return axes.mapValues { (min: $0["min"]!, max: $0["max"]!) }
    }

    static let scenarioFile = testLibrary.appendingPathComponent("retail/retail-floor-walk.json")
}

extension ChildProcess.Result {
    /// Standard output with white space collapsed (paragraphs wrap at 80 columns).
    var flat: String { stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
