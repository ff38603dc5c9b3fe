import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// Structural checks every bundled scenario must pass, using the core's own analysis.
/// The content rules (scores, tells, strategies, facilitation) are in ``LibraryContentTests``.
@Suite("Bundled scenario library")
struct ScenarioLibraryTests {
    /// The bundled scenario files (none if `Scenarios/` cannot be read, which the count
    /// of the library catches).
    static let files: [URL] = (try? bundledScenarioURLs()) ?? []

    static func load(_ url: URL) throws -> (Scenario, ScenarioAnalysis) {
        let result = ScenarioLoader.load(try Data(contentsOf: url), file: url.lastPathComponent)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let scenario = try #require(result.playable)
        return (scenario, try #require(result.analysis))
    }

    @Test func libraryHasEightRetailAndEightMarketingScenarios() throws {
        let domains = try Self.files.map { try Self.load($0).0.domain }
        #expect(domains.filter { $0 == "retail" }.count == 8)
        #expect(domains.filter { $0 == "marketing" }.count == 8)
        #expect(Set(try Self.files.map { try Self.load($0).0.id }).count == Self.files.count)
    }

    @Test(arguments: files)
    func shapeAndMetadata(_ url: URL) throws {
        let (scenario, analysis) = try Self.load(url)
        #expect(url.deletingPathExtension().lastPathComponent == scenario.id)
        #expect(url.deletingLastPathComponent().lastPathComponent == scenario.domain)
        #expect(!scenario.summary.isEmpty && scenario.briefing != nil)
        #expect((3...15).contains(scenario.estimatedMinutes ?? 0))
        #expect(scenario.reflection.count >= 3)
        #expect((analysis.shortestPath ?? 0) >= 3, "every complete path has at least 3 decisions")
        let decisions = scenario.scenes.filter { !$0.choices.isEmpty }
        let wide = decisions.filter { $0.choices.count >= 3 }
        #expect(wide.count * 4 >= decisions.count * 3, "most decisions offer three or more choices")
        let kinds = scenario.scenes.compactMap { $0.ending?.kind }
        #expect(scenario.scenes.filter(\.isEnding).count >= 3)
        for kind in [ProfileKey.both, .manager, .leader] { #expect(kinds.contains(kind), "an ending of kind \(kind)") }
    }

    /// Every path ends at the ending whose kind is the learner's profile: 2,000 random
    /// walks per scenario through the real engine (conditions and routing applied),
    /// checked against the profile the report would show.
    @Test(arguments: files)
    func endingsFollowTheProfile(_ url: URL) throws {
        let (scenario, analysis) = try Self.load(url)
        var rng = SeededGenerator(seed: 0x7F0F)
        var seen = Set<ProfileKey>()
        for _ in 0..<2_000 {
            var engine = Engine(scenario: scenario, fingerprint: "test", at: Date(timeIntervalSince1970: 0), analysis: analysis)
            while engine.phase == .deciding {
                let count = engine.offeredChoices().count
                try engine.choose(Int(rng.next() % UInt64(count)) + 1, at: Date(timeIntervalSince1970: 1))
            }
            let profile = ScoreCard(decisions: engine.state.decisions, scenario: scenario, analysis: analysis).profile.key
            #expect(engine.currentScene.ending?.kind == profile, "\(engine.state.decisions.map(\.choice)) ends at \(engine.currentScene.id)")
            seen.insert(profile)
        }
        #expect(seen.contains(.both) && seen.contains(.manager) && seen.contains(.leader), "random play reaches the main profiles")
    }

    @Test func stateExtensionUsedInAtLeastTwoScenarios() throws {
        let users = try Self.files.map { try Self.load($0).0 }.filter { scenario in
            scenario.scenes.contains { $0.choices.contains { $0.condition != nil } }
        }
        #expect(users.count >= 2)
    }
}
