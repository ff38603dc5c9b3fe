import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// The content check: every bundled scenario against the library's rules (see
/// ``LibraryContent`` for the definitions), the library-wide figures printed for the
/// record, and proof that the check catches the first edition's defects.
@Suite("Library content")
struct LibraryContentTests {
    /// The share of decisions at which the best option may also be the longest.
    static let longestShareLimit = 0.35
    /// The share of decisions at which the best option may stand in any one position.
    static let positionShareLimit = 0.4

    static func measure(_ url: URL) throws -> LibraryContent {
        try LibraryContent(data: try Data(contentsOf: url), file: url.lastPathComponent)
    }

    static let library: [LibraryContent] = ScenarioLibraryTests.files.compactMap { try? measure($0) }

    @Test(arguments: ScenarioLibraryTests.files)
    func scenarioFollowsTheRubric(_ url: URL) throws {
        let content = try Self.measure(url)
        #expect(content.findings.isEmpty, "\(content.findings.map(\.description).joined(separator: "\n"))")
    }

    @Test func bestOptionIsRarelyTheLongest() throws {
        let library = Self.library
        #expect(library.count == ScenarioLibraryTests.files.count, "every bundled scenario is measured")
        print(Self.figures(library))
        let decisions = library.reduce(0) { $0 + $1.decisions.count }
        let longest = library.reduce(0) { $0 + $1.bestIsLongest.count }
        #expect(decisions > 0 && Double(longest) <= Self.longestShareLimit * Double(decisions),
                "the best option is the longest in \(longest) of \(decisions) decisions")
    }

    @Test func bestOptionMovesAround() throws {
        let positions = Self.library.flatMap(\.bestPositions)
        let counts = Dictionary(grouping: positions, by: { $0 }).mapValues(\.count)
        print("best option by position: " + counts.keys.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: ", "))
        for (position, count) in counts {
            #expect(Double(count) <= Self.positionShareLimit * Double(positions.count),
                    "the best option is choice \(position) in \(count) of \(positions.count) decisions")
        }
    }

    /// Not one template: warm-ups, paths of different lengths, many settings. (Scenarios
    /// that remember earlier choices are counted by ``ScenarioLibraryTests``.)
    @Test func shapesVary() throws {
        let library = Self.library
        let warmUps = library.filter { ($0.analysis.longestPath ?? .max) <= 4 && ($0.scenario.estimatedMinutes ?? .max) <= 5 }
        #expect(warmUps.count >= 2, "warm-ups: \(warmUps.map(\.scenario.id))")
        let lengths = Set(library.compactMap(\.analysis.longestPath))
        #expect(lengths.count >= 3, "decisions per path across the library: \(lengths.sorted())")
        let settings = Set(library.compactMap(\.scenario.setting?.country))
        #expect(settings.count >= 8, "countries: \(settings.sorted())")
    }

    /// The first edition (frozen copies under Tests/Fixtures/library) fails the check on
    /// the defects its review listed: tells, ids naming people who are not in the story,
    /// "X. But Y." feedback, prompts only after the reveal, no setting, and percents that
    /// cannot be compared (perfect balanced play at 69 %).
    @Test func firstEditionFailsTheCheck() throws {
        let first = try ["retail/retail-floor-walk.json", "marketing/marketing-campaign-launch.json"].map {
            try Self.measure(fixtureURL("library/" + $0))
        }
        let rules = Set(first.flatMap(\.findings).map(\.rule))
        for rule in [LibraryContent.Rule.idWords, .feedback, .facilitation, .balance] {
            #expect(rules.contains(rule), "the first edition breaks the \(rule) rule")
        }
        #expect(first[1].findings.contains { $0.rule == .idWords && $0.detail.contains("\"kwame\"") })
        let decisions = first.reduce(0) { $0 + $1.decisions.count }, longest = first.reduce(0) { $0 + $1.bestIsLongest.count }
        #expect(Double(longest) > Self.longestShareLimit * Double(decisions), "\(longest) of \(decisions)")
        print(Self.figures(first))
    }

    /// One line per scenario and a total: the figures the check works from.
    static func figures(_ library: [LibraryContent]) -> String {
        var lines = ["scenario | decisions (per path) | endings | best is longest | task-first | balanced path m/l % | findings"]
        for content in library {
            let path = "\(content.analysis.shortestPath ?? 0)-\(content.analysis.longestPath ?? 0)"
            let balanced = content.balanced.map { "\($0.manager.percent)/\($0.leader.percent)" } ?? "-"
            lines.append([content.scenario.id, "\(content.decisions.count) (\(path))", "\(content.endings)",
                          "\(content.bestIsLongest.count)", content.taskFirst.joined(separator: " "), balanced,
                          "\(content.findings.count)"].joined(separator: " | "))
        }
        let decisions = library.reduce(0) { $0 + $1.decisions.count }
        let longest = library.reduce(0) { $0 + $1.bestIsLongest.count }
        let share = decisions == 0 ? 0 : Int((100 * Double(longest) / Double(decisions)).rounded())
        lines.append("library: \(library.count) scenarios, \(decisions) decisions, best is longest in \(longest) (\(share) %), "
                     + "\(library.reduce(0) { $0 + $1.taskFirst.count }) task-first decisions")
        return lines.joined(separator: "\n")
    }
}
